package dev.seatkeeper.reclaim;

import dev.seatkeeper.organizations.OrganizationService;
import dev.seatkeeper.organizations.SeatReclaimPolicy;
import dev.seatkeeper.platform.BadRequest;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.purchases.Order;
import dev.seatkeeper.purchases.SeatContainer;
import dev.seatkeeper.purchases.Subscription;
import dev.seatkeeper.seats.CustomerSeat;
import dev.seatkeeper.seats.SeatStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /v1/customer-seats/reclaim-preview} (contract, "Beyond Polar: activity and reclaim of idle seats"): each
 * held seat of a container whose next step under the current policy and activity ({@link ReclaimRule}, the scheduler's
 * own rule) falls within the next {@value #HORIZON_DAYS} days. Reads only.
 */
@Stateless
public class ReclaimPreview {
    static final int HORIZON_DAYS = 30;

    @PersistenceContext
    EntityManager em;

    @EJB
    OrganizationService organizations;

    /** One seat's next action: {@code warn} or {@code reclaim}, and when (UTC; an overdue step shows {@code now}). */
    public record Item(CustomerSeat seat, String action, OffsetDateTime at) {}

    /**
     * @throws BadRequest neither container is given
     * @throws ResourceNotFound the container is not the organization's
     * @throws dev.seatkeeper.organizations.FeatureNotEnabled seat-based pricing is off
     */
    public List<Item> preview(
            UUID organizationId, Optional<UUID> subscriptionId, Optional<UUID> orderId, OffsetDateTime now) {
        if (subscriptionId.isEmpty() && orderId.isEmpty()) {
            throw new BadRequest("Either subscription_id or order_id must be provided");
        }
        SeatContainer container = subscriptionId.isPresent()
                ? Optional.ofNullable(em.find(Subscription.class, subscriptionId.get()))
                        .filter(s -> s.organizationId().equals(organizationId))
                        .orElseThrow(() -> new ResourceNotFound("Subscription not found"))
                : Optional.ofNullable(em.find(Order.class, orderId.get()))
                        .filter(o -> o.organizationId().equals(organizationId))
                        .orElseThrow(() -> new ResourceNotFound("Order not found"));
        var organization = organizations.get(organizationId);
        organization.requireSeatBasedPricing();
        SeatReclaimPolicy policy = organization.seatReclaim();
        String path = container instanceof Order ? "oneTimeOrder" : "subscription";
        OffsetDateTime horizon = now.plusDays(HORIZON_DAYS);
        return em
                .createQuery(
                        "select s from CustomerSeat s left join fetch s.member left join fetch s.customer"
                                + " left join fetch s.activity where s."
                                + path + ".id = :id and s.status <> :revoked order by s.createdAt, s.id",
                        CustomerSeat.class)
                .setParameter("id", container.id())
                .setParameter("revoked", SeatStatus.REVOKED)
                .getResultList()
                .stream()
                .flatMap(seat -> ReclaimRule.next(ReclaimService.facts(seat), policy, now)
                        .filter(step -> step.action() != ReclaimRule.Action.WITHDRAW)
                        .filter(step -> !step.at().isAfter(horizon))
                        .map(step -> new Item(
                                seat,
                                step.action() == ReclaimRule.Action.WARN ? "warn" : "reclaim",
                                ReclaimRule.later(step.at(), now)))
                        .stream())
                .toList();
    }
}

package dev.seatkeeper.seats;

import dev.seatkeeper.organizations.FeatureNotEnabled;
import dev.seatkeeper.organizations.OrganizationService;
import dev.seatkeeper.platform.BadRequest;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.purchases.Order;
import dev.seatkeeper.purchases.SeatContainer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/** The read side of seats: a container's seat list with its capacity (contract, "List"), on both kinds of route. */
@Stateless
public class SeatListService {
    @PersistenceContext
    EntityManager em;

    @EJB
    OrganizationService organizations;

    @Inject
    SeatLocks locks;

    @Inject
    SeatCounter counter;

    /**
     * A container's seats, oldest first, and its capacity, in one transaction. {@code query} may narrow the seats to
     * one status and to one page; capacity always counts every seat (contract, "Security boundaries": seat lists are
     * paged). Raises {@link BadRequest} without a container, {@link ResourceNotFound} for one outside the scope,
     * {@link FeatureNotEnabled}.
     */
    public SeatList list(SeatScope scope, Optional<UUID> subscriptionId, Optional<UUID> orderId, SeatListQuery query) {
        if (subscriptionId.isEmpty() && orderId.isEmpty()) {
            throw new BadRequest("Either subscription_id or order_id must be provided");
        }
        SeatContainer container = locks.findContainer(scope, subscriptionId, orderId);
        organizations.get(container.organizationId()).requireSeatBasedPricing();
        String path = container instanceof Order ? "oneTimeOrder" : "subscription";
        String status = query.status().isPresent() ? " and s.status = :status" : "";
        // Holders are fetched with the seats: in the legacy model each seat is on a customer of its own.
        var select = em.createQuery(
                        "select s from CustomerSeat s left join fetch s.member left join fetch s.customer"
                                + " left join fetch s.activity where s."
                                + path + ".id = :id" + status + " order by s.createdAt, s.id",
                        CustomerSeat.class)
                .setParameter("id", container.id());
        query.status().ifPresent(wanted -> select.setParameter("status", wanted));
        query.page().ifPresent(page -> select.setFirstResult(page.offset()).setMaxResults(page.limit()));
        long taken = counter.countTaken(container);
        return new SeatList(select.getResultList(), Math.max(0, container.seats() - taken), container.seats());
    }
}

package dev.seatkeeper.portal;

import dev.seatkeeper.organizations.Organization;
import dev.seatkeeper.organizations.OrganizationService;
import dev.seatkeeper.purchases.Order;
import dev.seatkeeper.purchases.SeatContainer;
import dev.seatkeeper.purchases.Subscription;
import dev.seatkeeper.seats.SeatCounter;
import dev.seatkeeper.security.Principal;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /v1/customer-portal/seats/capacity}: how full each seat pool of the portal user's own customer is
 * (contract, "Beyond Polar: capacity signals, seat usage and seat metrics"), so that billing roles see a pool near its
 * capacity alert before assigning fails. Only the caller's customer's active subscriptions and paid orders are read
 * (seats are assigned to no other), so another customer's pools never appear. Seats that hold capacity are counted as
 * assignment counts them ({@link SeatCounter}), in two grouped statements.
 */
@Stateless
public class PortalSeatCapacityService {
    @PersistenceContext
    EntityManager em;

    @EJB
    OrganizationService organizations;

    @Inject
    SeatCounter counter;

    /**
     * One pool: its container (exactly one of the two ids set), seats bought, claimed and pending seats that hold
     * capacity, seats still available, the highest of the organization's {@code seat_capacity_alerts} that
     * {@code (pending + claimed) / seats} has reached (null when none), and whether every seat is taken.
     */
    public record Pool(
            UUID subscriptionId,
            UUID orderId,
            int seats,
            long claimed,
            long pending,
            long available,
            Integer threshold,
            boolean full) {}

    /**
     * The pools of {@code user}'s customer, subscriptions then orders, each oldest first. Raises
     * {@code FeatureNotEnabled} (403) when the organization has seat-based pricing off, as the seat list does.
     */
    public List<Pool> pools(Principal.PortalUser user) {
        Organization organization = organizations.get(user.organizationId());
        organization.requireSeatBasedPricing();
        var containers = new ArrayList<SeatContainer>();
        containers.addAll(em.createQuery(
                        "select sub from Subscription sub where sub.organizationId = :org and sub.customer.id ="
                                + " :customer and sub.status = :active order by sub.createdAt, sub.id",
                        Subscription.class)
                .setParameter("org", user.organizationId())
                .setParameter("customer", user.customerId())
                .setParameter("active", Subscription.ACTIVE)
                .getResultList());
        containers.addAll(em.createQuery(
                        "select o from Order o where o.organizationId = :org and o.customer.id = :customer and"
                                + " o.status = :paid order by o.createdAt, o.id",
                        Order.class)
                .setParameter("org", user.organizationId())
                .setParameter("customer", user.customerId())
                .setParameter("paid", Order.PAID)
                .getResultList());
        var counts = counter.countPools(containers);
        List<Integer> alerts = organization.seatCapacityAlerts();
        var pools = new ArrayList<Pool>();
        for (SeatContainer container : containers) {
            var count = counts.getOrDefault(container.id(), new SeatCounter.PoolCount(0, 0));
            int seats = container.seats();
            long taken = count.taken();
            Integer threshold = null;
            for (int alert : alerts) {
                if (seats > 0 && taken * 100 >= (long) alert * seats && (threshold == null || alert > threshold)) {
                    threshold = alert;
                }
            }
            boolean order = container instanceof Order;
            pools.add(new Pool(
                    order ? null : container.id(),
                    order ? container.id() : null,
                    seats,
                    count.claimed(),
                    taken - count.claimed(),
                    Math.max(0, seats - taken),
                    threshold,
                    seats > 0 && taken >= seats));
        }
        return pools;
    }
}

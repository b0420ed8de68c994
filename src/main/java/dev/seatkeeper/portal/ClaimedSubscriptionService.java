package dev.seatkeeper.portal;

import dev.seatkeeper.organizations.Organization;
import dev.seatkeeper.organizations.OrganizationService;
import dev.seatkeeper.platform.Page;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.purchases.Subscription;
import dev.seatkeeper.seats.SeatStatus;
import dev.seatkeeper.security.Principal;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * {@code GET /v1/customer-portal/seats/subscriptions}: the subscriptions on which a portal user holds a claimed seat,
 * as Polar's portal lists them, newest first.
 */
@Stateless
public class ClaimedSubscriptionService {
    @PersistenceContext
    EntityManager em;

    @EJB
    OrganizationService organizations;

    /** One page of those subscriptions (with their customers and products), and the organization they belong to. */
    public record ClaimedSubscriptions(Page<Subscription> page, Organization organization) {}

    /**
     * The subscriptions with a claimed seat of {@code user}: a member's by its member id, a customer session's by the
     * customer the seats are recorded on (the legacy model). Page and total are read in one transaction.
     */
    public ClaimedSubscriptions of(Principal.PortalUser user, PageRequest page) {
        boolean member = user instanceof Principal.MemberSessionUser;
        UUID holder = user instanceof Principal.MemberSessionUser m ? m.memberId() : user.customerId();
        String where = " where sub.organizationId = :org and exists (select s.id from CustomerSeat s"
                + " where s.subscription = sub and s.status = :claimed and "
                + (member ? "s.member.id = :holder" : "s.customer.id = :holder") + ")";
        var items = em.createQuery(
                        "select sub from Subscription sub join fetch sub.customer join fetch sub.product" + where
                                + " order by sub.createdAt desc, sub.id",
                        Subscription.class)
                .setParameter("org", user.organizationId())
                .setParameter("claimed", SeatStatus.CLAIMED)
                .setParameter("holder", holder);
        var count = em.createQuery("select count(sub) from Subscription sub" + where, Long.class)
                .setParameter("org", user.organizationId())
                .setParameter("claimed", SeatStatus.CLAIMED)
                .setParameter("holder", holder);
        return new ClaimedSubscriptions(Page.of(items, count, page), organizations.get(user.organizationId()));
    }
}

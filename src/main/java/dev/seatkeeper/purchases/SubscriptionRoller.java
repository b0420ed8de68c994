package dev.seatkeeper.purchases;

import dev.seatkeeper.events.EventRecorder;
import dev.seatkeeper.platform.RowLock;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The period clock (contract, "Beyond Polar: seat changes on a schedule"): rolls an active subscription's period
 * forward at its {@code current_period_end} by its recurring interval, one period per transaction, applying in that
 * transaction everything due then: the seats scheduled to leave, the pending seat change, and
 * {@code cancel_at_period_end} (the subscription ends; its seats are revoked with reason {@code subscription_ended});
 * each roll records {@code subscription.cycled} with the Subscription. Driven by {@link PeriodClock}.
 */
@Stateless
public class SubscriptionRoller {
    /** Beyond Polar; delivered only to endpoints that list it. */
    public static final String CYCLED = "subscription.cycled";

    @PersistenceContext
    EntityManager em;

    @Inject
    SeatLeavers leavers;

    @Inject
    Event<SubscriptionRevoked> revoked;

    @Inject
    Event<SeatCountChanged> seatCountChanges;

    @EJB
    EventRecorder events;

    /** Ids of active subscriptions whose period ended by {@code now} (UTC), the earliest end first, at most {@code limit}. */
    public List<UUID> due(OffsetDateTime now, int limit) {
        return em.createQuery(
                        "select s.id from Subscription s where s.status = :active and s.currentPeriodEnd <= :now"
                                + " order by s.currentPeriodEnd",
                        UUID.class)
                .setParameter("active", Subscription.ACTIVE)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Rolls the subscription's period once if it has ended by {@code now}. The subscription row is locked first (as
     * seat assignment and seat changes lock it), so of several instances given the same due subscription one rolls it
     * and the others, once the lock is theirs, find the period no longer ended: each period rolls exactly once. A
     * subscription several periods behind stays due after one roll, and rolls again on the next call, in order.
     *
     * @return whether it rolled
     */
    public boolean rollIfDue(UUID subscriptionId, OffsetDateTime now) {
        if (RowLock.lockById(em, "subscriptions", subscriptionId).isEmpty()) {
            return false;
        }
        Subscription subscription = em.find(Subscription.class, subscriptionId);
        if (!subscription.periodEndedAt(now)) {
            return false;
        }
        OffsetDateTime end = subscription.currentPeriodEnd();
        leavers.revokeDue(subscription, end);
        if (subscription.hasPendingUpdate()) {
            int seats = subscription.pendingSeats();
            int previous = subscription.seats();
            leavers.releaseExcess(subscription, seats, subscription.pendingReleaseStrategy());
            subscription.changeSeats(seats, SubscriptionService.priceOf(subscription.product(), seats));
            if (previous != seats) {
                seatCountChanges.fire(new SeatCountChanged(subscription, previous, end));
            }
            subscription.clearPendingUpdate();
        }
        if (subscription.cancelAtPeriodEnd()) {
            subscription.endAtPeriodEnd(end);
            revoked.fire(new SubscriptionRevoked(subscription));
        } else {
            subscription.roll();
        }
        events.record(subscription.organizationId(), CYCLED, SubscriptionResponse.of(subscription));
        return true;
    }
}

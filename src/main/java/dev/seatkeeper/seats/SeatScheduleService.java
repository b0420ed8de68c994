package dev.seatkeeper.seats;

import dev.seatkeeper.organizations.FeatureNotEnabled;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.purchases.Subscription;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Revocations that wait (contract, "Beyond Polar: seat changes on a schedule"): a revoke at the container's period
 * end or at an instant, its cancellation, and the scheduler's side: a seat whose scheduled revocation (an instant, or
 * a time-boxed seat's {@code expires_at}) has come is revoked then, as any revoke (sessions end, event, capacity
 * freed), with its reason. Revocations due at a period end are applied by the period roll ({@link ScheduledLeavers}).
 * The seat keeps its status, its holder their sessions, and the seat its capacity until then.
 */
@Stateless
public class SeatScheduleService {
    /** The scheduled revocations this service applies when due; period-end ones wait for the roll. */
    static final List<String> DUE_ON_THEIR_OWN =
            List.of(ScheduledRevocation.SCHEDULED.stored(), ScheduledRevocation.EXPIRED.stored());

    @PersistenceContext
    EntityManager em;

    @Inject
    SeatLocks locks;

    @Inject
    SeatRevoker revoker;

    @Inject
    SeatEvents events;

    @Inject
    SeatHistory history;

    /**
     * Schedules the seat's revocation, replacing an earlier schedule; records
     * {@code customer_seat.revocation_scheduled}. A revoked seat is returned unchanged (as a revoke of it is).
     *
     * @throws ResourceNotFound a seat outside the scope
     * @throws FeatureNotEnabled seat-based pricing is off
     * @throws NoPeriodEnd {@code at=period_end} on an order's seat
     */
    public CustomerSeat schedule(SeatScope scope, UUID seatId, RevokeAt at) {
        CustomerSeat seat = locks.lockSeat(scope, seatId);
        if (seat.status() == SeatStatus.REVOKED) {
            return seat;
        }
        seat.organization().requireSeatBasedPricing();
        if (at.instant().isPresent()) {
            seat.scheduleRevocation(at.instant().get(), ScheduledRevocation.SCHEDULED);
        } else if (seat.container() instanceof Subscription subscription && subscription.currentPeriodEnd() != null) {
            seat.scheduleRevocation(subscription.currentPeriodEnd(), ScheduledRevocation.PERIOD_END);
        } else {
            throw new NoPeriodEnd();
        }
        events.revocationScheduled(seat);
        history.revocationScheduled(seat);
        return seat;
    }

    /**
     * Cancels the seat's scheduled revocation (any kind, a time box too); records
     * {@code customer_seat.revocation_canceled}.
     *
     * @throws ResourceNotFound a seat outside the scope
     * @throws FeatureNotEnabled seat-based pricing is off
     * @throws NoScheduledRevocation nothing is scheduled (a revoked seat has nothing scheduled)
     */
    public CustomerSeat cancel(SeatScope scope, UUID seatId) {
        CustomerSeat seat = locks.lockSeat(scope, seatId);
        seat.organization().requireSeatBasedPricing();
        if (seat.revokesAt() == null) {
            throw new NoScheduledRevocation();
        }
        ScheduledRevocation canceled = seat.scheduledRevocation();
        seat.cancelScheduledRevocation();
        events.revocationCanceled(seat);
        history.revocationCanceled(seat, canceled);
        return seat;
    }

    /** Ids of held seats whose scheduled revocation (an instant, or an expiry) has come by {@code now}, earliest first. */
    public List<UUID> due(OffsetDateTime now, int limit) {
        return em.createQuery(
                        "select s.id from CustomerSeat s where s.revokesAt <= :now and s.status in :taken"
                                + " and s.revokesReason in :reasons order by s.revokesAt",
                        UUID.class)
                .setParameter("now", now)
                .setParameter("taken", SeatCounter.TAKEN)
                .setParameter("reasons", DUE_ON_THEIR_OWN)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Revokes the seat if its scheduled revocation has come by {@code now}, under its row lock: of several instances,
     * or a manual revoke, a transfer or a member deletion racing it, the first revokes it and the others find it
     * revoked or no longer due (one revoke, one {@code customer_seat.revoked}).
     *
     * @return whether it revoked the seat
     */
    public boolean revokeIfDue(UUID seatId, OffsetDateTime now) {
        return locks.lockSeat(seatId)
                .filter(seat -> seat.status() != SeatStatus.REVOKED)
                .filter(seat -> seat.revokesAt() != null && !seat.revokesAt().isAfter(now))
                .map(seat -> {
                    revoker.revokeLocked(seat, seat.scheduledRevocation().reason());
                    return true;
                })
                .orElse(false);
    }
}

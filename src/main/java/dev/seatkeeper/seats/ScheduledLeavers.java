package dev.seatkeeper.seats;

import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.ValidationIssue;
import dev.seatkeeper.purchases.SeatLeavers;
import dev.seatkeeper.purchases.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * The seats side of the period clock and of a scheduled decrease (contract, "Scheduled decrease naming who leaves"):
 * which seats leave, and their revocation when the period ends. A plain CDI bean: it runs in the transaction of the
 * purchases service that calls it, which holds the subscription's row lock; each seat is locked before it changes.
 */
@ApplicationScoped
class ScheduledLeavers implements SeatLeavers {
    static final String PENDING_FIRST = "pending_first";
    static final String RELEASED = ScheduledRevocation.RELEASED.stored();

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

    @Inject
    SeatCounter counter;

    @Override
    public long heldAt(Subscription subscription, OffsetDateTime at) {
        return em.createQuery(
                        "select count(s) from CustomerSeat s where s.subscription.id = :id and s.status in :taken"
                                + " and (s.revokesAt is null or s.revokesAt > :at or s.revokesReason = :released)",
                        Long.class)
                .setParameter("id", subscription.id())
                .setParameter("taken", SeatCounter.TAKEN)
                .setParameter("at", at)
                .setParameter("released", RELEASED)
                .getSingleResult();
    }

    @Override
    public void release(Subscription subscription, List<UUID> seatIds, long needed, OffsetDateTime at) {
        if (new HashSet<>(seatIds).size() != seatIds.size()) {
            throw invalid(seatIds, "A seat is named more than once.");
        }
        if (seatIds.size() != needed) {
            throw invalid(
                    seatIds,
                    needed + " seats must be released to lower the seats to this count; " + seatIds.size()
                            + " were named.");
        }
        var seats = new ArrayList<CustomerSeat>();
        for (UUID id : seatIds) {
            var seat = locks.lockSeat(id)
                    .filter(s ->
                            s.subscription() != null && s.subscription().id().equals(subscription.id()))
                    .filter(s -> s.status() != SeatStatus.REVOKED)
                    .filter(s -> s.revokesAt() == null || s.revokesAt().isAfter(at))
                    .orElseThrow(() -> invalid(
                            seatIds,
                            "Seat " + id + " is not a pending or claimed seat of this subscription that is not"
                                    + " leaving already."));
            seats.add(seat);
        }
        for (CustomerSeat seat : seats) {
            seat.scheduleRevocation(at, ScheduledRevocation.RELEASED);
            events.revocationScheduled(seat);
            history.revocationScheduled(seat);
        }
    }

    private static RequestValidationException invalid(List<UUID> seatIds, String msg) {
        return new RequestValidationException(new ValidationIssue(
                "value_error",
                List.of("body", "release_seat_ids"),
                "Value error, " + msg,
                seatIds.stream().map(UUID::toString).toList()));
    }

    @Override
    public void unrelease(Subscription subscription) {
        for (UUID id : ids(
                "select s.id from CustomerSeat s where s.subscription.id = :id and s.status in :taken"
                        + " and s.revokesReason = '" + RELEASED + "'",
                subscription,
                SeatCounter.TAKEN,
                Integer.MAX_VALUE)) {
            locks.lockSeat(id).filter(seat -> seat.revokesAt() != null).ifPresent(seat -> {
                seat.cancelScheduledRevocation();
                events.revocationCanceled(seat);
                history.revocationCanceled(seat, ScheduledRevocation.RELEASED);
            });
        }
    }

    @Override
    public void revokeDue(Subscription subscription, OffsetDateTime end) {
        List<UUID> due = em.createQuery(
                        "select s.id from CustomerSeat s where s.subscription.id = :id and s.status in :taken"
                                + " and s.revokesAt <= :end order by s.revokesAt",
                        UUID.class)
                .setParameter("id", subscription.id())
                .setParameter("taken", SeatCounter.TAKEN)
                .setParameter("end", end)
                .getResultList();
        for (UUID id : due) {
            locks.lockSeat(id)
                    .filter(seat -> seat.status() != SeatStatus.REVOKED && seat.revokesAt() != null)
                    .ifPresent(seat -> revoker.revokeLocked(
                            seat, seat.scheduledRevocation().reason()));
        }
    }

    /**
     * {@code pending_first}: the newest pending invitations, then the least recently active claimed seats;
     * {@code least_recently_active}: every held seat by its last activity, oldest first. A seat's last activity is its
     * {@code last_active_at}, else its claim (a pending seat's, its invitation).
     */
    @Override
    public void releaseExcess(Subscription subscription, int seats, String strategy) {
        long excess = counter.countTaken(subscription) - seats;
        if (excess <= 0) {
            return;
        }
        var chosen = new ArrayList<UUID>();
        if (strategy == null || PENDING_FIRST.equals(strategy)) {
            chosen.addAll(ids(
                    "select s.id from CustomerSeat s where s.subscription.id = :id and s.status in :taken"
                            + " order by s.createdAt desc",
                    subscription,
                    List.of(SeatStatus.PENDING),
                    (int) excess));
            if (chosen.size() < excess) {
                chosen.addAll(ids(
                        "select s.id from CustomerSeat s left join s.activity a where s.subscription.id = :id"
                                + " and s.status in :taken order by coalesce(a.lastActiveAt, s.claimedAt)",
                        subscription,
                        List.of(SeatStatus.CLAIMED),
                        (int) excess - chosen.size()));
            }
        } else {
            chosen.addAll(ids(
                    "select s.id from CustomerSeat s left join s.activity a where s.subscription.id = :id"
                            + " and s.status in :taken order by coalesce(a.lastActiveAt, s.claimedAt, s.createdAt)",
                    subscription,
                    SeatCounter.TAKEN,
                    (int) excess));
        }
        for (UUID id : chosen) {
            locks.lockSeat(id)
                    .filter(seat -> seat.status() != SeatStatus.REVOKED)
                    .ifPresent(seat -> revoker.revokeLocked(seat, RevocationReason.PERIOD_END));
        }
    }

    /** The ids a query over the subscription's seats in the given statuses finds, at most {@code limit}. */
    private List<UUID> ids(String jpql, Subscription subscription, List<SeatStatus> statuses, int limit) {
        return em.createQuery(jpql, UUID.class)
                .setParameter("id", subscription.id())
                .setParameter("taken", statuses)
                .setMaxResults(limit)
                .getResultList();
    }
}

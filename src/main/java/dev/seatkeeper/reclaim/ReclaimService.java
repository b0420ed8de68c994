package dev.seatkeeper.reclaim;

import dev.seatkeeper.events.EventRecorder;
import dev.seatkeeper.organizations.Organization;
import dev.seatkeeper.organizations.SeatReclaimPolicy;
import dev.seatkeeper.platform.RowLock;
import dev.seatkeeper.seats.CustomerSeat;
import dev.seatkeeper.seats.RevocationReason;
import dev.seatkeeper.seats.SeatHistory;
import dev.seatkeeper.seats.SeatResponses.CustomerSeatResponse;
import dev.seatkeeper.seats.SeatRevoker;
import dev.seatkeeper.seats.SeatStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * The scheduler's side of idle seats (contract, "Beyond Polar: activity and reclaim of idle seats"): finds the seats
 * whose next step ({@link ReclaimRule}) has come and applies it, one seat per transaction, under the seat's row lock
 * and with the step decided again from the locked row and the organization's current policy, so that of several
 * instances one acts and the others find nothing to do, and a policy change applies at the next run.
 */
@Stateless
public class ReclaimService {
    /** Beyond Polar, delivered only to endpoints that list it: an idle seat's holder is warned (the seat, reclaim_at). */
    static final String INACTIVITY_WARNING = "customer_seat.inactivity_warning";

    @PersistenceContext
    EntityManager em;

    @Inject
    SeatHistory history;

    @Inject
    SeatRevoker revoker;

    @EJB
    EventRecorder events;

    @Inject
    KeepLinks keepLinks;

    @Inject
    Event<ReclaimWarned> warnings;

    /**
     * Ids of seats whose step may be due at {@code now} (UTC), at most {@code limit}, read without a lock: warned seats
     * whose {@code reclaim_at} has come, warnings to withdraw, and per organization with the policy on, idle claimed
     * seats to warn and pending seats past {@code unclaimed_after_days}.
     */
    public List<UUID> due(OffsetDateTime now, int limit) {
        var ids = new LinkedHashSet<UUID>();
        ids.addAll(em.createQuery(
                        "select s.id from CustomerSeat s where s.reclaimAt <= :now and s.status = :claimed"
                                + " order by s.reclaimAt",
                        UUID.class)
                .setParameter("now", now)
                .setParameter("claimed", SeatStatus.CLAIMED)
                .setMaxResults(limit)
                .getResultList());
        ids.addAll(em.createQuery(
                        "select s.id from CustomerSeat s, Organization o where o.id = s.organizationId"
                                + " and s.reclaimAt is not null and o.reclaimEnabled = false",
                        UUID.class)
                .setMaxResults(limit)
                .getResultList());
        var organizations = em.createQuery(
                        "select o from Organization o where o.reclaimEnabled = true order by o.id", Organization.class)
                .getResultList();
        for (Organization organization : organizations) {
            if (ids.size() >= limit) {
                break;
            }
            ids.addAll(DueSeats.of(em, organization.id(), organization.seatReclaim(), now, limit));
        }
        return new ArrayList<>(ids).subList(0, Math.min(limit, ids.size()));
    }

    /**
     * Applies the seat's step if it is due at {@code now}: a warning ({@code reclaim_at}, event, e-mail after commit),
     * a reclaim (revoke, reason {@code inactivity}: sessions end as in any revoke), an unclaimed invitation's revoke
     * (reason {@code unclaimed}), or a withdrawal.
     *
     * @return whether it acted ({@code false}: not due, or done by another instance meanwhile)
     */
    public boolean apply(UUID seatId, OffsetDateTime now) {
        if (RowLock.lockById(em, "customer_seats", seatId).isEmpty()) {
            return false;
        }
        var seat = em.createNamedQuery("CustomerSeat.withContainer", CustomerSeat.class)
                .setParameter("id", seatId)
                .getSingleResult();
        SeatReclaimPolicy policy = seat.organization().seatReclaim();
        var step = ReclaimRule.next(facts(seat), policy, now).filter(s -> s.dueAt(now));
        if (step.isEmpty()) {
            return false;
        }
        switch (step.get().action()) {
            case WARN -> warn(seat, step.get().reclaimAt());
            case RECLAIM -> revoker.revokeLocked(seat, RevocationReason.INACTIVITY);
            case UNCLAIMED -> revoker.revokeLocked(seat, RevocationReason.UNCLAIMED);
            case WITHDRAW -> {
                seat.withdrawReclaim();
                ActivityWrites.markWarned(em, seat.id(), false);
            }
        }
        return true;
    }

    private void warn(CustomerSeat seat, OffsetDateTime reclaimAt) {
        seat.warnOfReclaim(reclaimAt);
        ActivityWrites.markWarned(em, seat.id(), true);
        events.record(seat.organizationId(), INACTIVITY_WARNING, CustomerSeatResponse.of(seat));
        history.reclaimWarned(seat);
        keepLinks.forWarning(seat).ifPresent(warnings::fire);
    }

    /** The seat as {@link ReclaimRule} reads it. */
    static ReclaimRule.Seat facts(CustomerSeat seat) {
        return new ReclaimRule.Seat(
                seat.status() == SeatStatus.CLAIMED,
                seat.status() == SeatStatus.PENDING,
                seat.createdAt(),
                seat.claimedAt(),
                seat.lastActiveAt(),
                seat.reclaimAt(),
                seat.member() == null ? null : seat.member().role().wireName());
    }
}

package dev.seatkeeper.seats;

import dev.seatkeeper.customers.Member;
import dev.seatkeeper.sessions.SessionService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Revokes one locked seat (contract, "Revoke", step 6): the seat is freed and keeps only its dates, the
 * {@code customer_seat.revoked} event is recorded, {@link SeatRevoked} is fired to observers in other packages, and a
 * plain member left without a claimed seat loses its portal sessions. Shared by revoke, transfer and the scheduled
 * revocations and the reclaim of idle seats. The seat's activity row, if it has one, is marked revoked with it. A
 * plain CDI bean: it runs in the transaction of the service that calls it, which holds the seat's row lock.
 */
@ApplicationScoped
public class SeatRevoker {
    @PersistenceContext
    EntityManager em;

    @EJB
    SessionService sessions;

    @Inject
    SeatCounter counter;

    @Inject
    SeatEvents events;

    @Inject
    SeatHistory history;

    @Inject
    Event<SeatRevoked> revocations;

    /** Revokes a seat that is pending or claimed and whose row the caller has locked, recording why. */
    public void revokeLocked(CustomerSeat seat, RevocationReason reason) {
        Member holder = seat.member();
        String holderEmail = seat.customerEmail();
        SeatStatus before = seat.status();
        seat.revoke(reason);
        markActivityRevoked(seat);
        events.revoked(seat, holder == null ? null : holder.id(), holderEmail);
        history.revoked(seat, before, reason);
        revocations.fire(new SeatRevoked(seat.id(), seat.organizationId(), seat.revokedAt()));
        // A plain member's portal access comes from a seat: without a claimed seat left, their sessions end now.
        // Owners and billing managers act for the customer by role, and keep theirs.
        if (holder != null && !holder.role().managesBilling() && counter.countClaimedBy(holder) == 0) {
            sessions.endMemberSessions(holder);
        }
    }

    /**
     * Marks the seat's activity row revoked (V13), as the activity route judges reports of a reported seat from that
     * row alone (reclaim/ReportedSeats). No statement when the seat was read with its activity and has none: a seat
     * never reported has no row. The activity row is locked after the seat's, the order in which the activity route
     * writes a warned seat (reclaim/ActivityWrites).
     */
    private void markActivityRevoked(CustomerSeat seat) {
        if (em.getEntityManagerFactory().getPersistenceUnitUtil().isLoaded(seat, "activity")
                && seat.lastActiveAt() == null) {
            return;
        }
        em.createNativeQuery("UPDATE " + SeatActivity.TABLE + " SET revoked = TRUE WHERE seat_id = ?1")
                .setParameter(1, seat.id())
                .executeUpdate();
    }
}

package dev.seatkeeper.seats;

import dev.seatkeeper.platform.Randomness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes a seat's {@link SeatStep}s in the transaction of the change: each a row of its own, inserted at commit with
 * the change's other writes, so that changes of one container never wait for each other on a shared count. Called by
 * {@link SeatHistory} at the changes that move counts: a new seat (assign, transfer in), a claim, a revoke.
 */
@ApplicationScoped
public class SeatSteps {
    @PersistenceContext
    EntityManager em;

    /** A new seat: its {@code created_at} counts. */
    void created(CustomerSeat seat) {
        write(seat, SeatStep.CREATED, seat.createdAt(), "");
    }

    /** A claimed seat: its {@code claimed_at} counts. */
    void claimed(CustomerSeat seat) {
        write(seat, SeatStep.CLAIMED, seat.claimedAt(), "");
    }

    /** A revoked seat that was {@code before} (pending or claimed): its {@code revoked_at} counts, by reason. */
    void revoked(CustomerSeat seat, SeatStatus before) {
        write(
                seat,
                before == SeatStatus.CLAIMED ? SeatStep.REVOKED_CLAIMED : SeatStep.REVOKED_PENDING,
                seat.revokedAt(),
                seat.revocationReason().wireName());
    }

    private void write(CustomerSeat seat, String kind, java.time.OffsetDateTime time, String reason) {
        em.persist(new SeatStep(Randomness.newId(), seat, kind, time, reason));
    }
}

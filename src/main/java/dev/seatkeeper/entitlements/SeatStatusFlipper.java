package dev.seatkeeper.entitlements;

import dev.seatkeeper.seats.SeatRevoked;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Sets a revoked seat's bit in its organization's status list, in the revoke's own transaction (contract, "Beyond
 * Polar: offline seat entitlements": every committed revoke is in the next status list served). Every revoke path
 * goes through {@code seats.SeatRevoker}, which fires {@link SeatRevoked}. One indexed update; a seat that never had
 * an entitlement has no entry and nothing changes.
 */
@Stateless
public class SeatStatusFlipper {
    @PersistenceContext
    EntityManager em;

    /** Observes {@link SeatRevoked} synchronously, joining the revoking transaction. */
    public void revoked(@Observes SeatRevoked revoked) {
        em.createQuery("update SeatStatusEntry e set e.revokedAt = :at where e.seatId = :seat and e.revokedAt is null")
                .setParameter("at", revoked.revokedAt())
                .setParameter("seat", revoked.seatId())
                .executeUpdate();
    }
}

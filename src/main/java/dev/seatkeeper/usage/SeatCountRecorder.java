package dev.seatkeeper.usage;

import dev.seatkeeper.platform.Randomness;
import dev.seatkeeper.purchases.SeatCountChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Keeps the history of seat counts the usage ledger reads ({@code seat_count_changes}): one row per change, written in
 * the transaction of the change, so the ledger's {@code seats} of a past day never changes.
 */
@ApplicationScoped
public class SeatCountRecorder {
    @PersistenceContext
    EntityManager em;

    void record(@Observes SeatCountChanged change) {
        em.createNativeQuery("INSERT INTO seat_count_changes (id, container_id, organization_id, changed_at,"
                        + " previous_seats, seats) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, Randomness.newId())
                .setParameter(2, change.container().id())
                .setParameter(3, change.container().organizationId())
                .setParameter(
                        4,
                        change.at()
                                .withOffsetSameInstant(java.time.ZoneOffset.UTC)
                                .toLocalDateTime())
                .setParameter(5, change.previousSeats())
                .setParameter(6, change.container().seats())
                .executeUpdate();
    }
}

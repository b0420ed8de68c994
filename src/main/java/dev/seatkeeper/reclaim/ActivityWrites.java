package dev.seatkeeper.reclaim;

import dev.seatkeeper.platform.ServiceDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;

/**
 * The forward-only write of reported activity (contract, "Beyond Polar: activity and reclaim of idle seats"): every
 * seat of a batch moves to its own reported time in one statement, whose condition carries the rules, so that racing
 * reports of one seat keep the latest and nothing is read first under a lock: the seat is held (not revoked) and its
 * stored {@code last_active_at} is null or at least {@link ActivityService#COALESCE} older than the new time (at most
 * one write per seat per minute, only forward). A write also clears a pending {@code reclaim_at}.
 *
 * <p>The times are joined to the seats as a list of {@code VALUES} on the primary key: PostgreSQL's {@code UPDATE ...
 * FROM}, H2's {@code MERGE ... USING} (H2 has no {@code UPDATE ... FROM}). The rows are listed in the order of their
 * ids (the order of both databases' primary keys: PostgreSQL compares {@code uuid} bytes, H2 the lower-case text), so
 * that two batches naming some of the same seats lock them in the same order and one waits for the other instead of
 * deadlocking (one statement per item in report order deadlocked on H2 under two reporters at once).
 */
final class ActivityWrites {
    private ActivityWrites() {}

    /**
     * Moves each seat to its time where the rules allow, in the caller's transaction.
     *
     * @param times the new {@code last_active_at} per seat id (UTC; at most {@value ActivityReport#MAX_ITEMS} seats)
     * @return how many seats were written
     * @throws jakarta.persistence.PersistenceException if the database refuses (a lock timeout answers 503)
     */
    static int write(EntityManager em, Map<UUID, OffsetDateTime> times) {
        if (times.isEmpty()) {
            return 0;
        }
        boolean postgresql = ServiceDataSource.isPostgresql();
        var rows = new StringBuilder();
        for (int i = 0; i < times.size(); i++) {
            rows.append(i == 0 ? "" : ", ")
                    .append("(CAST(?")
                    .append(2 * i + 1)
                    .append(postgresql ? " AS uuid)" : " AS VARCHAR)")
                    .append(", CAST(?")
                    .append(2 * i + 2)
                    .append(" AS TIMESTAMP))");
        }
        String values = "(VALUES " + rows + ") AS v (id, at)";
        String due = "s.status <> 'REVOKED' AND (s.last_active_at IS NULL OR s.last_active_at <= v.at - INTERVAL '"
                + ActivityService.COALESCE.toSeconds() + "' SECOND)";
        String set = "last_active_at = v.at, reclaim_at = NULL";
        Query update = em.createNativeQuery(
                postgresql
                        ? "UPDATE customer_seats s SET " + set + " FROM " + values + " WHERE s.id = v.id AND " + due
                        : "MERGE INTO customer_seats s USING " + values + " ON s.id = v.id WHEN MATCHED AND " + due
                                + " THEN UPDATE SET " + set);
        int parameter = 1;
        for (var seat : times.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().toString()))
                .toList()) {
            // Text and a timestamp of the same instant, as UniqueInsert binds them: the same with either JPA provider.
            update.setParameter(parameter++, seat.getKey().toString());
            update.setParameter(parameter++, Timestamp.from(seat.getValue().toInstant()));
        }
        return update.executeUpdate();
    }
}

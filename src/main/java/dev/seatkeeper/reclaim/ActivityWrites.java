package dev.seatkeeper.reclaim;

import dev.seatkeeper.platform.ServiceDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * <p>The times are joined to the seats on the primary key as two arrays unnested into rows (ids, times as text):
 * PostgreSQL's {@code UPDATE ... FROM}, H2's {@code MERGE ... USING} (H2 has no {@code UPDATE ... FROM}). The rows are
 * listed in the order of their ids (the order of both databases' primary keys: PostgreSQL compares {@code uuid} bytes,
 * H2 the lower-case text), so that two batches naming some of the same seats lock them in the same order and one
 * waits for the other instead of deadlocking (one statement per item in report order deadlocked on H2 under two
 * reporters at once).
 */
final class ActivityWrites {
    /** A time as both databases read text cast to a timestamp (UTC, to the nanosecond; each rounds it to its own). */
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS");

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
        String due = "s.status <> 'REVOKED' AND (s.last_active_at IS NULL OR s.last_active_at <= v.at - INTERVAL '"
                + ActivityService.COALESCE.toSeconds() + "' SECOND)";
        String set = "last_active_at = v.at, reclaim_at = NULL";
        Query update = em.createNativeQuery(
                ServiceDataSource.isPostgresql()
                        ? "UPDATE customer_seats s SET " + set
                                + " FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS timestamp[])) AS v (id, at)"
                                + " WHERE s.id = v.id AND " + due
                        : "MERGE INTO customer_seats s USING (SELECT * FROM UNNEST(CAST(?1 AS VARCHAR ARRAY),"
                                + " CAST(?2 AS TIMESTAMP ARRAY)) AS u (id, at)) AS v ON s.id = v.id WHEN MATCHED AND "
                                + due + " THEN UPDATE SET " + set);
        var sorted = times.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().toString()))
                .toList();
        // Two arrays of text, not a parameter per value: EclipseLink looks each positional parameter of a native query
        // up in a list, which made a statement of 1,800 parameters a fifth of the server's samples under the
        // benchmark's activity load.
        update.setParameter(1, sorted.stream().map(e -> e.getKey().toString()).toArray(String[]::new));
        update.setParameter(
                2,
                sorted.stream()
                        .map(e -> TEXT.format(e.getValue().withOffsetSameInstant(ZoneOffset.UTC)))
                        .toArray(String[]::new));
        return update.executeUpdate();
    }
}

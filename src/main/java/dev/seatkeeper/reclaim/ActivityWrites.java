package dev.seatkeeper.reclaim;

import dev.seatkeeper.platform.ServiceDataSource;
import dev.seatkeeper.seats.CustomerSeat;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The forward-only write of reported activity (contract, "Beyond Polar: activity and reclaim of idle seats"). Every
 * seat of a batch moves to its own reported time in one statement on the narrow {@code seat_activity} table, whose
 * condition carries the rules, so that racing reports of one seat keep the latest and nothing is read first under a
 * lock: the stored {@code last_active_at} is null or at least {@link ActivityService#COALESCE} older than the new time
 * (at most one write per seat per minute, only forward). The wide {@code customer_seats} row is not touched, except
 * for the rare seat with a pending {@code reclaim_at}, which the write clears.
 *
 * <p>Those warned seats are written first, under their row locks: a reclaim of the seat (which holds the same lock,
 * {@link ReclaimService#apply}) either finishes first, and then the seat is revoked and gets no time, or waits and
 * then finds the new activity. A seat warned by the scheduler between the caller's read and this write keeps its
 * warning until the scheduler's next run withdraws it (the activity is recorded either way).
 *
 * <p>The times are joined to the rows on the primary key as two arrays unnested into rows (ids, times as text):
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
     * @param warned the seats of {@code times} that were read with a pending {@code reclaim_at}
     * @return how many seats were written
     * @throws jakarta.persistence.PersistenceException if the database refuses (a lock timeout answers 503)
     */
    static int write(EntityManager em, Map<UUID, OffsetDateTime> times, Collection<UUID> warned) {
        var writable = new HashMap<>(times);
        if (!warned.isEmpty()) {
            writable.keySet().removeAll(withdrawWarnings(em, warned));
        }
        if (writable.isEmpty()) {
            return 0;
        }
        String due = "(a.last_active_at IS NULL OR a.last_active_at <= v.at - INTERVAL '"
                + ActivityService.COALESCE.toSeconds() + "' SECOND)";
        String table = CustomerSeat.ACTIVITY_TABLE;
        Query update = em.createNativeQuery(
                ServiceDataSource.isPostgresql()
                        ? "UPDATE " + table + " a SET last_active_at = v.at"
                                + " FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS timestamp[])) AS v (id, at)"
                                + " WHERE a.seat_id = v.id AND " + due
                        : "MERGE INTO " + table + " a USING (SELECT * FROM UNNEST(CAST(?1 AS VARCHAR ARRAY),"
                                + " CAST(?2 AS TIMESTAMP ARRAY)) AS u (id, at)) AS v ON a.seat_id = v.id"
                                + " WHEN MATCHED AND " + due + " THEN UPDATE SET last_active_at = v.at");
        var sorted = writable.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().toString()))
                .toList();
        // Two arrays of text, not a parameter per value: EclipseLink looks each positional parameter up in a list,
        // which made a statement of 1,800 parameters a fifth of the server's time under the benchmark's activity load.
        update.setParameter(1, sorted.stream().map(e -> e.getKey().toString()).toArray(String[]::new));
        update.setParameter(
                2,
                sorted.stream()
                        .map(e -> TEXT.format(e.getValue().withOffsetSameInstant(ZoneOffset.UTC)))
                        .toArray(String[]::new));
        return update.executeUpdate();
    }

    /**
     * Clears the pending reclaim of the warned seats that are still held, waiting for any reclaim under way, and
     * returns those that were revoked meanwhile.
     */
    private static List<UUID> withdrawWarnings(EntityManager em, Collection<UUID> warned) {
        var ids = warned.stream().map(UUID::toString).sorted().toList();
        String cast = ServiceDataSource.isPostgresql() ? " AS uuid)" : " AS VARCHAR)";
        var in = new StringBuilder();
        for (int i = 1; i <= ids.size(); i++) {
            in.append(i == 1 ? "" : ", ").append("CAST(?").append(i).append(cast);
        }
        String named = "id IN (" + in + ")";
        Query clear = em.createNativeQuery("UPDATE customer_seats SET reclaim_at = NULL WHERE " + named
                + " AND reclaim_at IS NOT NULL AND status <> 'REVOKED'");
        Query revoked =
                em.createNativeQuery("SELECT id FROM customer_seats WHERE " + named + " AND status = 'REVOKED'");
        for (int i = 0; i < ids.size(); i++) {
            clear.setParameter(i + 1, ids.get(i));
            revoked.setParameter(i + 1, ids.get(i));
        }
        clear.executeUpdate();
        return ((List<?>) revoked.getResultList())
                .stream().map(id -> UUID.fromString(id.toString())).toList();
    }
}

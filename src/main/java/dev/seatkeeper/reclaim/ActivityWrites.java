package dev.seatkeeper.reclaim;

import dev.seatkeeper.platform.ServiceDataSource;
import dev.seatkeeper.platform.TransactionConnection;
import dev.seatkeeper.platform.UniqueInsert;
import dev.seatkeeper.seats.SeatActivity;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The forward-only write of reported activity (contract, "Beyond Polar: activity and reclaim of idle seats"). Every
 * seat of a batch moves to its own reported time in one statement on the narrow {@code seat_activity} table
 * ({@link SeatActivity}; a seat's first row also takes its organization, V13), whose condition carries the rules,
 * so that racing reports of one seat keep the latest and nothing is read first under a lock: the seat is held (not
 * revoked), and its stored time is absent or at least
 * {@link ActivityService#COALESCE} older than the new one (at most one write per seat per minute, only forward). The
 * wide {@code customer_seats} row is not written, except for the rare seat with a pending {@code reclaim_at}, which
 * the report clears.
 *
 * <p>Those warned seats are written first, under their row locks: a reclaim of the seat (which holds the same lock,
 * {@link ReclaimService#apply}) either finishes first, and then the seat is revoked and gets no time, or waits and
 * then finds the new activity. A seat warned by the scheduler between the caller's read and this write keeps its
 * warning until the scheduler's next run withdraws it (the activity is recorded either way).
 *
 * <p>A seat's first activity row is written under the seat's row lock too. A revocation marks the seat's activity row
 * revoked ({@code seats/SeatRevoker}) while it holds that lock, and reports of a reported seat are judged from that
 * row ({@link ReportedSeats}); a first row inserted beside a revocation that had found no row to mark would have
 * stayed unrevoked, and reports within its minute would have been accepted for a revoked seat ever after. Locked
 * first, the insert waits for the revocation and then leaves the revoked seat out, or the revocation waits and then
 * marks the new row. Only first reports pay for it: in a steady stream of reports they are none.
 *
 * <p>The times are joined to the seats on the primary key as two arrays unnested into rows (ids, times as text), a
 * constant statement whatever the batch's size: PostgreSQL's {@code INSERT ... ON CONFLICT DO UPDATE}, H2's
 * {@code MERGE ... USING}. On H2 a batch whose seats all have their activity row (in a steady stream of reports,
 * every batch) is written by a statement that reads neither the seats' rows nor their index: the row's
 * {@code revoked} (V13) stands for the seat's status, and on H2 each seat looked up in {@code customer_seats} read
 * about two pages from the file beside the claims (README, "The activity line, measured"); a batch with a first row
 * takes the statement that joins them. PostgreSQL meets the line with the one joining statement and keeps it. The
 * pending warning a write clears is also cleared in the activity row ({@code warned}, V15), after the times. The rows
 * are listed in the order of their ids (the order of both databases' primary keys:
 * PostgreSQL compares {@code uuid} bytes, H2 the lower-case text), so that two batches naming some of the same seats
 * lock them in the same order and one waits for the other instead of deadlocking. The statement runs on the
 * transaction's JDBC connection ({@link TransactionConnection}): H2 fails a {@code MERGE} that inserts a seat's first
 * row while another transaction inserts it too (SQL state 23505 once the other commits), and that statement alone is
 * run again, now finding the row; through JPA the failure would have rolled the whole report back.
 */
final class ActivityWrites {
    /** A time as both databases read text cast to a timestamp (UTC, to the nanosecond; each rounds it to its own). */
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSSSS");

    private static final String HELD = " JOIN customer_seats s ON s.id = v.id AND s.status <> 'REVOKED'";
    private static final String POSTGRESQL = "INSERT INTO " + SeatActivity.TABLE
            + " (seat_id, organization_id, last_active_at) SELECT v.id, s.organization_id, v.at"
            + " FROM unnest(CAST(? AS uuid[]), CAST(? AS timestamp[])) AS v (id, at)" + HELD
            + " ORDER BY v.id ON CONFLICT (seat_id) DO UPDATE SET last_active_at = EXCLUDED.last_active_at WHERE "
            + forward(SeatActivity.TABLE + ".last_active_at", "EXCLUDED.last_active_at");
    /** H2, seats without their activity row yet (a row inserted since they were read is updated instead). */
    private static final String H2_FIRST = "MERGE INTO " + SeatActivity.TABLE + " a USING (SELECT v.id, v.at,"
            + " s.organization_id AS org FROM UNNEST(CAST(? AS VARCHAR ARRAY), CAST(? AS TIMESTAMP ARRAY))"
            + " AS v (id, at)" + HELD + ") AS v"
            + " ON a.seat_id = v.id WHEN MATCHED AND " + forward("a.last_active_at", "v.at")
            + " THEN UPDATE SET last_active_at = v.at"
            + " WHEN NOT MATCHED THEN INSERT (seat_id, organization_id, last_active_at) VALUES (v.id, v.org, v.at)";
    /** H2, seats that have their row: the row's own {@code revoked} stands for the seat's status (V13). */
    private static final String H2_REPORTED = "MERGE INTO " + SeatActivity.TABLE + " a USING (SELECT v.id, v.at"
            + " FROM UNNEST(CAST(? AS VARCHAR ARRAY), CAST(? AS TIMESTAMP ARRAY)) AS v (id, at)) AS v"
            + " ON a.seat_id = v.id WHEN MATCHED AND NOT a.revoked AND " + forward("a.last_active_at", "v.at")
            + " THEN UPDATE SET last_active_at = v.at";

    private ActivityWrites() {}

    /**
     * Locks the seats' own rows, in the order of their ids (the order every write here takes them in, so that two
     * batches wait for each other instead of deadlocking). No statement when there are none.
     */
    private static void lock(EntityManager em, Collection<UUID> warned, Collection<UUID> unreported) {
        if (warned.isEmpty() && unreported.isEmpty()) {
            return;
        }
        String[] ids = Stream.concat(warned.stream(), unreported.stream())
                .map(UUID::toString)
                .distinct()
                .sorted()
                .toArray(String[]::new);
        em.createNativeQuery("SELECT id FROM customer_seats WHERE id = ANY(CAST(?1 AS "
                        + (ServiceDataSource.isPostgresql() ? "uuid[]" : "VARCHAR ARRAY") + ")) ORDER BY id FOR UPDATE")
                .setParameter(1, ids)
                .getResultList();
    }

    /** The condition that {@code newTime} is at least {@link ActivityService#COALESCE} past {@code stored}. */
    private static String forward(String stored, String newTime) {
        return stored + " <= " + newTime + " - INTERVAL '" + ActivityService.COALESCE.toSeconds() + "' SECOND";
    }

    /**
     * Moves each seat to its time where the rules allow, in the caller's transaction, after locking the seats that are
     * warned or have no activity row yet and clearing the pending reclaim of the warned ones (in their own rows, and
     * in their activity rows once the times are written).
     *
     * @param times the new {@code last_active_at} per seat id (UTC; at most {@value ActivityReport#MAX_ITEMS} seats)
     * @param warned the seats of {@code times} that were read with a pending warning (their {@code reclaim_at}, or
     *     their activity row's {@code warned})
     * @param unreported the seats of {@code times} that were read without an activity row (all others have one: rows
     *     are never deleted)
     * @return how many seats were written
     * @throws jakarta.persistence.PersistenceException if the database refuses (a lock timeout answers 503)
     */
    static int write(
            TransactionConnection connections,
            EntityManager em,
            Map<UUID, OffsetDateTime> times,
            Collection<UUID> warned,
            Collection<UUID> unreported) {
        lock(em, warned, unreported);
        var warnedInOrder =
                warned.stream().sorted(Comparator.comparing(UUID::toString)).toList();
        warnedInOrder.forEach(id -> em.createNativeQuery(
                        "UPDATE customer_seats SET reclaim_at = NULL WHERE id = ?1 AND reclaim_at IS NOT NULL"
                                + " AND status <> 'REVOKED'")
                .setParameter(1, id)
                .executeUpdate());
        if (times.isEmpty()) {
            return 0;
        }
        // One statement on H2 too, so that the activity rows are locked in the order of their ids across the batch:
        // the rows locked by two statements, each in that order, could deadlock with another batch that read one of
        // these seats' first rows as already there.
        String sql = ServiceDataSource.isPostgresql() ? POSTGRESQL : unreported.isEmpty() ? H2_REPORTED : H2_FIRST;
        int written = run(connections, em, sql, times);
        // Rows the statement already locked, in the same order: a warned seat is held (its own row is locked above,
        // so no revocation can come between), and a revoked one, left out by the statement, may keep its flag.
        warnedInOrder.forEach(id -> markWarned(em, id, false));
        return written;
    }

    /**
     * Sets the seat's activity row's {@code warned} (V15), which follows the seat's pending {@code reclaim_at}: by the
     * scheduler's warning and withdrawal ({@link ReclaimService}) and by a report that clears the warning. The caller
     * holds the seat's row lock. No row (a seat never reported), or a revoked seat's row (its {@code revoked} decides
     * first): nothing written.
     */
    static void markWarned(EntityManager em, UUID seatId, boolean warned) {
        em.createNativeQuery("UPDATE " + SeatActivity.TABLE + " SET warned = ?1 WHERE seat_id = ?2 AND NOT revoked")
                .setParameter(1, warned)
                .setParameter(2, seatId)
                .executeUpdate();
    }

    /** Runs one of the statements above on {@code times}; returns how many rows it wrote. */
    private static int run(
            TransactionConnection connections, EntityManager em, String sql, Map<UUID, OffsetDateTime> times) {
        var sorted = times.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().toString()))
                .toList();
        // Two arrays of text, not a parameter per value: one statement text whatever the batch's size. (Bound through
        // EclipseLink, 1,800 positional parameters were a fifth of the server's samples under the benchmark's activity
        // load: it looks each one up in a list.)
        String[] ids = sorted.stream().map(e -> e.getKey().toString()).toArray(String[]::new);
        String[] at = sorted.stream()
                .map(e -> TEXT.format(e.getValue().withOffsetSameInstant(ZoneOffset.UTC)))
                .toArray(String[]::new);
        return connections.run(em, "customer_seats", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, ids);
                statement.setObject(2, at);
                // Each failure means another transaction committed the first row of one of these seats, which every
                // later run finds: so at most one failure per seat, and the loop ends.
                for (int attempt = 1; ; attempt++) {
                    try {
                        return statement.executeUpdate();
                    } catch (SQLException e) {
                        if (attempt > ids.length || !UniqueInsert.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                            throw e;
                        }
                    }
                }
            }
        });
    }
}

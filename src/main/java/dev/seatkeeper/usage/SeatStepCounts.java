package dev.seatkeeper.usage;

import dev.seatkeeper.seats.SeatStep;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The seat counts of a metrics request read from the organization's seat steps ({@code seat_steps} and the new
 * steps not yet folded into it, {@link SeatStepFolder}), not from its seats: a few rows per container and quarter
 * hour, whatever the number of seats. Exact whenever every boundary the request draws (each period's start and end,
 * the request's first day's start and its last day's end) falls on a quarter hour (UTC), which is true of every time
 * zone in use today; {@link #of} answers null otherwise, and {@link SeatMetricsService} counts seat by seat.
 *
 * <p>The steps are marginal counts (seats created, claimed, revoked while pending, revoked while claimed, per quarter
 * hour), which give every figure of {@link SeatMetrics} per customer: seats held at a period's end are those created
 * before it less those revoked before it, and so on. The one figure they cannot give alone is Polar's "created by the
 * request's end" when the last period runs past that end (a week, month or year interval): the claims and revocations
 * after the end of seats created after it are read seat by seat, from the seats created after the request's end only,
 * in the same statement as the steps.
 */
final class SeatStepCounts {
    private final MetricsWindow window;
    /** The window's periods ({@link MetricBuckets#of}). */
    private final MetricBuckets buckets;
    /** The cells: the sorted distinct boundaries of the periods, the request's start and end (microseconds, UTC). */
    private final MetricBuckets cells;

    private final int periods;
    /** Per cell index + 1 (cell -1 is before the first period, {@code cells} the one after the last): its period. */
    private final int[] period;
    /** Per cell index + 1: the cell lies after the request's end (within the last period). */
    private final boolean[] late;
    /** Per cell index + 1: the cell lies within the request's own days (revocations by reason count there). */
    private final boolean[] requested;

    private SeatStepCounts(MetricsWindow window, MetricBuckets buckets, long[] points) {
        this.window = window;
        this.buckets = buckets;
        this.cells = new MetricBuckets(points);
        this.periods = buckets.periods();
        int count = points.length - 1;
        period = new int[count + 2];
        late = new boolean[count + 2];
        requested = new boolean[count + 2];
        period[0] = -1;
        period[count + 1] = periods;
        long requestEnd = window.originalEnd() + 1;
        for (int k = 0; k < count; k++) {
            int p = 0;
            while (p + 1 < periods && buckets.boundaries()[p + 1] <= points[k]) {
                p++;
            }
            period[k + 1] = p;
            late[k + 1] = points[k] >= requestEnd;
            requested[k + 1] = points[k] >= window.originalStart() && points[k] < requestEnd;
        }
    }

    /**
     * The counts of {@code window}, whose periods are {@code buckets} ({@link MetricBuckets#of}), or null when one of
     * its boundaries is not on a quarter hour.
     */
    static SeatStepCounts of(MetricsWindow window, MetricBuckets buckets) {
        var points = new TreeSet<Long>();
        for (long boundary : buckets.boundaries()) {
            points.add(boundary);
        }
        points.add(window.originalStart());
        points.add(window.originalEnd() + 1);
        long grain = SeatStep.GRAIN_SECONDS * 1_000_000;
        for (long point : points) {
            if (Math.floorMod(point, grain) != 0) {
                return null;
            }
        }
        return new SeatStepCounts(
                window, buckets, points.stream().mapToLong(Long::longValue).toArray());
    }

    /** One customer's steps per cell (index + 1). */
    private final class Cells {
        final long[] created = new long[period.length];
        final long[] claimed = new long[period.length];
        final long[] revokedPending = new long[period.length];
        final long[] revokedClaimed = new long[period.length];
        /** Those of the seats created after the request's end (Polar counts none of them), in the last period. */
        final long[] claimedByLate = new long[period.length];

        final long[] revokedPendingByLate = new long[period.length];
        final long[] revokedClaimedByLate = new long[period.length];

        /** Seats held from {@code cell}'s steps: created by the request's end, less those revoked. */
        long held(int cell) {
            return (late[cell] ? 0 : created[cell])
                    - (revokedPending[cell] - revokedPendingByLate[cell])
                    - (revokedClaimed[cell] - revokedClaimedByLate[cell]);
        }

        /** Claimed seats held from {@code cell}'s steps, of seats created by the request's end. */
        long claimedHeld(int cell) {
            return (claimed[cell] - claimedByLate[cell]) - (revokedClaimed[cell] - revokedClaimedByLate[cell]);
        }
    }

    /** The kind of the rows that count seats created after the request's end, not steps. */
    private static final String LATE = "late";

    /**
     * Reads the steps of the seats {@code seats} selects, with the same filters, and adds them to {@code tally}. When
     * the last period runs past the request's end, the same statement also reads, seat by seat, the seats created in
     * that part of the last period (their claimed and revoked cells): one statement, so that both are read from one
     * snapshot and a change committed meanwhile is counted in both or in neither.
     *
     * @param seats the organization's condition and filters ({@link SeatMetricsService.Seats})
     */
    void count(EntityManager em, SeatMetricsService.Seats seats, SeatTally tally) {
        String steps = "SELECT t.container_id AS cid, t.kind AS kind, t.reason AS reason, " + cells.of("t.at")
                + " AS cell, t.n AS n FROM (SELECT container_id, recurring, at, kind, reason, n FROM seat_steps"
                + " WHERE organization_id = ?1 UNION ALL SELECT container_id, recurring, at, kind, reason, 1"
                + " FROM new_seat_steps WHERE organization_id = ?1) t WHERE " + seats.stepFilters();
        String grouped = "SELECT y.cid, y.kind, y.reason, y.cell, 0 AS cell2, SUM(y.n) AS n FROM (" + steps
                + ") y GROUP BY y.cid, y.kind, y.reason, y.cell";
        long requestEnd = window.originalEnd() + 1;
        long lastEnd = buckets.boundaries()[periods];
        if (requestEnd < lastEnd) {
            grouped += " UNION ALL SELECT z.cid, '" + LATE + "', '', z.k, z.r, COUNT(*) FROM (SELECT"
                    + " COALESCE(s.subscription_id, s.order_id) AS cid, " + cells.of("s.claimed_at") + " AS k, "
                    + cells.of("s.revoked_at") + " AS r FROM customer_seats s WHERE " + seats.where()
                    + " AND s.created_at >= " + MetricBuckets.literal(requestEnd) + " AND s.created_at < "
                    + MetricBuckets.literal(lastEnd) + ") z GROUP BY z.cid, z.k, z.r";
        }
        Map<String, Cells> customers = new HashMap<>();
        for (Object row : seats.bind(em.createNativeQuery("SELECT COALESCE(sub.customer_id, o.customer_id), x.kind,"
                        + " x.reason, x.cell, x.cell2, x.n FROM (" + grouped
                        + ") x LEFT JOIN subscriptions sub ON sub.id = x.cid LEFT JOIN orders o ON o.id = x.cid"))
                .getResultList()) {
            Object[] c = (Object[]) row;
            Cells counts = customers.computeIfAbsent(String.valueOf(c[0]), k -> new Cells());
            String kind = (String) c[1];
            int cell = ((Number) c[3]).intValue() + 1;
            long n = ((Number) c[5]).longValue();
            switch (kind) {
                case SeatStep.CREATED -> counts.created[cell] += n;
                case SeatStep.CLAIMED -> counts.claimed[cell] += n;
                case SeatStep.REVOKED_PENDING -> counts.revokedPending[cell] += n;
                case LATE -> late(counts, cell, ((Number) c[4]).intValue() + 1, n);
                default -> counts.revokedClaimed[cell] += n;
            }
            if ((kind.equals(SeatStep.REVOKED_PENDING) || kind.equals(SeatStep.REVOKED_CLAIMED)) && requested[cell]) {
                tally.revoked.get(period[cell]).merge((String) c[2], n, Long::sum);
            }
        }
        customers.forEach((customer, counts) -> add(tally, customer, counts));
    }

    /**
     * {@code n} seats created after the request's end, claimed in cell {@code claimed} and revoked in cell
     * {@code revoked} (each the cell index + 1; {@code period.length}: never): their claims and revocations within the
     * last period, which Polar does not count.
     */
    private void late(Cells counts, int claimed, int revoked, long n) {
        int never = period.length; // MetricBuckets' index of NULL, plus one
        if (claimed < never && late[claimed]) {
            counts.claimedByLate[claimed] += n;
        }
        if (revoked < never && late[revoked]) {
            if (claimed < never) {
                counts.revokedClaimedByLate[revoked] += n;
            } else {
                counts.revokedPendingByLate[revoked] += n;
            }
        }
    }

    /** Folds one customer's cells into the figures {@link SeatTally#customer} takes. */
    private void add(SeatTally tally, String customer, Cells counts) {
        long[] heldSteps = new long[periods + 1];
        long[] claimedSteps = new long[periods + 1];
        int firstCreated = Integer.MAX_VALUE;
        int lastRevoked = Integer.MIN_VALUE;
        long created = 0;
        long revoked = 0;
        for (int cell = 0; cell < period.length; cell++) {
            int p = period[cell];
            long revokedHere = counts.revokedPending[cell] + counts.revokedClaimed[cell];
            created += counts.created[cell];
            revoked += revokedHere;
            if (counts.created[cell] > 0) {
                firstCreated = Math.min(firstCreated, p);
            }
            if (revokedHere > 0) {
                lastRevoked = Math.max(lastRevoked, p);
            }
            if (p >= periods) {
                continue;
            }
            // The cells before the window count from its first period.
            heldSteps[Math.max(p, 0)] += counts.held(cell);
            claimedSteps[Math.max(p, 0)] += counts.claimedHeld(cell);
        }
        if (created > revoked) {
            lastRevoked = periods + 1;
        }
        long[] held = new long[periods];
        long[] claimedHeld = new long[periods];
        long h = 0;
        long k = 0;
        for (int i = 0; i < periods; i++) {
            h += heldSteps[i];
            k += claimedSteps[i];
            held[i] = h;
            claimedHeld[i] = k;
        }
        boolean heldFromFirst = false;
        if (firstCreated >= 0 && firstCreated < periods) {
            // No seat was created before that period, so every seat revoked in it was created in it.
            long heldThrough = 0;
            for (int cell = 0; cell < period.length; cell++) {
                if (period[cell] == firstCreated) {
                    heldThrough += counts.held(cell);
                }
            }
            heldFromFirst = heldThrough > 0;
        }
        tally.customer(customer, held, claimedHeld, firstCreated, lastRevoked, heldFromFirst);
    }
}

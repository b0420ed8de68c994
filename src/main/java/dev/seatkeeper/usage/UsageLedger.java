package dev.seatkeeper.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes ledger rows from seat history alone, so that a row that has ended gives the same numbers on every later
 * read (contract, "Beyond Polar: capacity signals, seat usage and seat metrics"). The row holding {@code now} counts up
 * to now; a row wholly after now counts nothing.
 */
final class UsageLedger {
    private static final BigDecimal MICROS_PER_DAY = BigDecimal.valueOf(86_400_000_000L);

    private UsageLedger() {}

    /**
     * The row {@code [start, end)} (microseconds since the epoch, UTC) of a container whose seats are {@code seats}
     * and whose seat count is {@code counts}.
     */
    static UsageRow row(long start, long end, long now, List<SeatSpan> seats, SeatCountHistory counts) {
        long until = Math.min(end, now);
        int bought = until > start ? counts.maxWithin(start, until) : counts.at(Math.min(start, now));
        var assigned = new ArrayList<long[]>();
        var claimed = new ArrayList<long[]>();
        for (SeatSpan s : seats) {
            clip(s.created(), s.revoked(), start, until, assigned);
            if (s.claimed() != SeatSpan.NEVER) {
                clip(s.claimed(), s.revoked(), start, until, claimed);
            }
        }
        return new UsageRow(
                SeatSpan.instant(start),
                SeatSpan.instant(end),
                bought,
                peak(assigned),
                peak(claimed),
                days(assigned),
                days(claimed));
    }

    private static void clip(long from, long to, long start, long until, List<long[]> into) {
        long a = Math.max(from, start);
        long b = Math.min(to, until);
        if (a < b) {
            into.add(new long[] {a, b});
        }
    }

    /** The most intervals holding at one instant; an interval ending where another starts does not overlap it. */
    static int peak(List<long[]> intervals) {
        var edges = new ArrayList<long[]>(intervals.size() * 2);
        for (long[] i : intervals) {
            edges.add(new long[] {i[0], 1});
            edges.add(new long[] {i[1], -1});
        }
        edges.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        int held = 0;
        int max = 0;
        for (long[] e : edges) {
            held += (int) e[1];
            max = Math.max(max, held);
        }
        return max;
    }

    /** The summed length of the intervals, in days rounded half up to three decimals. */
    static BigDecimal days(List<long[]> intervals) {
        long micros = 0;
        for (long[] i : intervals) {
            micros = Math.addExact(micros, i[1] - i[0]);
        }
        return BigDecimal.valueOf(micros).divide(MICROS_PER_DAY, 3, RoundingMode.HALF_UP);
    }
}

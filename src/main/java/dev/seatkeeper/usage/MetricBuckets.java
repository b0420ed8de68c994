package dev.seatkeeper.usage;

import java.time.format.DateTimeFormatter;

/**
 * The periods of a {@link MetricsWindow} as SQL sees them, so that the database counts seats per period and only the
 * counts come back: a timestamp column is mapped to its period's index by {@link #of(String)}, an expression of
 * nested {@code CASE}s that halves the boundaries at each level (about nine comparisons for a year of days, whatever
 * the number of seats) for a time within the window. Index {@code -1}: before the first period; {@code 0..periods-1}: within period {@code i}
 * ({@code [start(i), end(i))}); {@code periods}: at or after the last period's end; {@code periods + 1}: NULL (never
 * reached, which counts as later than any time, but apart from a time after the window).
 *
 * <p>The boundaries are written into the statement as {@code TIMESTAMP '…'} literals in UTC, as the columns store
 * instants (UTC without an offset); they are computed here from the window, never taken from the request as text.
 * The same SQL runs on H2 and PostgreSQL.
 */
record MetricBuckets(long[] boundaries) {
    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    /** Boundaries of the window's periods in microseconds since the epoch: each period's start, then the last end. */
    static MetricBuckets of(MetricsWindow window) {
        int periods = window.timestamps().size();
        long[] boundaries = new long[periods + 1];
        for (int i = 0; i < periods; i++) {
            boundaries[i] = window.start(i);
        }
        boundaries[periods] = periods == 0 ? 0 : window.end(periods - 1);
        return new MetricBuckets(boundaries);
    }

    int periods() {
        return boundaries.length - 1;
    }

    /** The period index of {@code column} (a trusted SQL expression of a timestamp), as described above. */
    String of(String column) {
        // Times outside the window (most seats of a long-lived organization were created before it) take one or
        // two comparisons; the others a binary search.
        return "CASE WHEN " + column + " IS NULL THEN " + (periods() + 1) + " WHEN " + column + " < "
                + literal(boundaries[0]) + " THEN -1 WHEN " + column + " >= " + literal(boundaries[periods()])
                + " THEN " + periods() + " ELSE " + search(column, 0, periods()) + " END";
    }

    /** The index for a value known to lie in {@code [boundary(low), boundary(high))}, out-of-range ends unbounded. */
    private String search(String column, int low, int high) {
        if (high - low == 1) {
            return Integer.toString(low);
        }
        int middle = (low + high) >>> 1;
        return "CASE WHEN " + column + " < " + literal(boundaries[middle]) + " THEN " + search(column, low, middle)
                + " ELSE " + search(column, middle, high) + " END";
    }

    /** An instant as a SQL timestamp literal in UTC, to the microsecond. */
    static String literal(long micros) {
        return "TIMESTAMP '" + SeatSpan.instant(micros).toLocalDateTime().format(LITERAL) + "'";
    }
}

package dev.seatkeeper.usage;

import java.util.List;

/**
 * A container's seat count over time: its recorded changes ({@code seat_count_changes}, oldest first) and its current
 * count. Before the first change the count was that change's previous count; with no change, it was always the
 * current one.
 */
record SeatCountHistory(List<Change> changes, int current) {
    /** A change that took effect at {@code at} (microseconds since the epoch, UTC). */
    record Change(long at, int previous, int seats) {}

    /** The count in effect at {@code t}. */
    int at(long t) {
        Integer count = null;
        for (Change c : changes) {
            if (c.at() <= t) {
                count = c.seats();
            } else {
                return count == null ? c.previous() : count;
            }
        }
        return count == null ? current : count;
    }

    /** The highest count in effect at any time of {@code [from, to)}: what a merchant bills a row for. */
    int maxWithin(long from, long to) {
        int max = at(from);
        for (Change c : changes) {
            if (c.at() > from && c.at() < to) {
                max = Math.max(max, c.seats());
            }
        }
        return max;
    }
}

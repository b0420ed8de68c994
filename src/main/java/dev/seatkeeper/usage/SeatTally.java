package dev.seatkeeper.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the metrics queries counted, per period of a window of {@code periods} periods, folded into Polar's seat
 * metrics by {@link SeatMetrics}. Each seat arrives as part of a group of seats of one billing customer that share
 * their period indexes ({@link MetricBuckets}: {@code -1} before the window, {@code periods} after it,
 * {@code periods + 1} never): created, claimed, revoked; whether it was created by the request's end. The groups are
 * at most containers × distinct index triples, never one row per seat. Or each customer arrives whole, as the seats it
 * holds per period ({@link #customer}), when the counts come from the seat steps ({@link SeatStepCounts}).
 */
final class SeatTally {
    final int periods;
    /** Seats counted in each period (created before its end, not revoked before it), as differences. */
    private final long[] totalSteps;

    private final long[] claimedSteps;
    private final Map<String, Customer> customers = new HashMap<>();
    /** Revocation reason to count, per period. */
    final List<Map<String, Long>> revoked = new ArrayList<>();
    /** Median seconds from assign to claim per period (null: no invitation claims), and over the whole window. */
    final BigDecimal[] medians;

    BigDecimal windowMedian;

    SeatTally(int periods) {
        this.periods = periods;
        this.totalSteps = new long[periods + 1];
        this.claimedSteps = new long[periods + 1];
        this.medians = new BigDecimal[periods];
        for (int i = 0; i < periods; i++) {
            revoked.add(new TreeMap<>());
        }
    }

    /** One customer's seats, reduced to the periods each was held in and what decides new and churned. */
    private static final class Customer {
        final List<int[]> held = new ArrayList<>();
        int firstCreated = Integer.MAX_VALUE;
        int lastRevoked = Integer.MIN_VALUE;
        /** Created periods of seats created by the request's end and held at least through that period. */
        final List<Integer> heldFromCreation = new ArrayList<>();
    }

    /**
     * {@code count} seats of {@code customer} with these period indexes; {@code inWindow}: created by the request's
     * end (Polar counts no seat created after it).
     */
    void seats(String customer, boolean inWindow, int created, int claimed, int revoked, long count) {
        Customer c = customers.computeIfAbsent(customer, k -> new Customer());
        c.firstCreated = Math.min(c.firstCreated, created);
        c.lastRevoked = Math.max(c.lastRevoked, revoked);
        if (!inWindow) {
            return;
        }
        int from = Math.max(created, 0);
        int until = Math.min(revoked, periods);
        if (from < until) {
            totalSteps[from] += count;
            totalSteps[until] -= count;
            c.held.add(new int[] {from, until});
            int claimedFrom = Math.max(from, claimed);
            if (claimedFrom < until) {
                claimedSteps[claimedFrom] += count;
                claimedSteps[until] -= count;
            }
        }
        if (created >= 0 && created < revoked) {
            c.heldFromCreation.add(created);
        }
    }

    /**
     * One customer's seats as counts, not groups ({@link SeatStepCounts}): {@code held[i]} and {@code claimedHeld[i]}
     * the seats created by the request's end that it holds (and holds claimed) in period {@code i}; the period of its
     * first seat's creation and of its last revocation ({@code periods + 1}: a seat is still held), as {@link #seats}
     * takes them; {@code heldFromFirst}: a seat created in that first period is held through it.
     */
    void customer(
            String customer,
            long[] held,
            long[] claimedHeld,
            int firstCreated,
            int lastRevoked,
            boolean heldFromFirst) {
        Customer c = customers.computeIfAbsent(customer, k -> new Customer());
        c.firstCreated = Math.min(c.firstCreated, firstCreated);
        c.lastRevoked = Math.max(c.lastRevoked, lastRevoked);
        for (int i = 0; i < periods; i++) {
            totalSteps[i] += held[i];
            totalSteps[i + 1] -= held[i];
            claimedSteps[i] += claimedHeld[i];
            claimedSteps[i + 1] -= claimedHeld[i];
            if (held[i] > 0) {
                c.held.add(new int[] {i, i + 1});
            }
        }
        if (heldFromFirst) {
            c.heldFromCreation.add(firstCreated);
        }
    }

    /** Seats held in each period. */
    long[] totals() {
        return running(totalSteps);
    }

    /** Seats held and claimed in each period. */
    long[] claimed() {
        return running(claimedSteps);
    }

    /** Distinct customers holding a seat in each period. */
    long[] customers() {
        long[] counts = new long[periods];
        int[] seenBy = new int[periods];
        int stamp = 0;
        for (Customer c : customers.values()) {
            stamp++;
            for (int[] span : c.held) {
                for (int i = span[0]; i < span[1]; i++) {
                    if (seenBy[i] != stamp) {
                        seenBy[i] = stamp;
                        counts[i]++;
                    }
                }
            }
        }
        return counts;
    }

    /**
     * Customers new in each period: their first seat (of all that pass the filters) was created in it, and a seat
     * created in it is counted in it.
     */
    long[] newCustomers() {
        long[] counts = new long[periods];
        for (Customer c : customers.values()) {
            int first = c.firstCreated;
            if (first >= 0 && first < periods && c.heldFromCreation.contains(first)) {
                counts[first]++;
            }
        }
        return counts;
    }

    /** Customers whose seats are all revoked, the last in the period. */
    long[] churnedCustomers() {
        long[] counts = new long[periods];
        for (Customer c : customers.values()) {
            if (c.lastRevoked >= 0 && c.lastRevoked < periods) {
                counts[c.lastRevoked]++;
            }
        }
        return counts;
    }

    /** A median in microseconds (exact: a whole or half number) as seconds to the millisecond, as the API gives it. */
    static BigDecimal seconds(Object micros) {
        if (micros == null) {
            return null;
        }
        BigDecimal value = micros instanceof BigDecimal d ? d : new BigDecimal(micros.toString());
        BigDecimal seconds = value.divide(BigDecimal.valueOf(1_000_000), 3, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }

    private long[] running(long[] steps) {
        long[] values = new long[periods];
        long running = 0;
        for (int i = 0; i < periods; i++) {
            running += steps[i];
            values[i] = running;
        }
        return values;
    }
}

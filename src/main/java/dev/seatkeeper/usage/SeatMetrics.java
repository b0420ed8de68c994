package dev.seatkeeper.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Polar's seat metrics, each defined as Polar's {@code server/polar/metrics/metrics.py} and {@code queries.py}
 * ({@code get_seats_cte}) define it, for period {@code [t, next)}: a seat counts when created before {@code next}
 * (and not after the request's end) and not revoked before {@code next} (nor before the request's start).
 * {@code seats_claimed} are those claimed before {@code next}, {@code seats_pending} the others; {@code seat_customers}
 * their distinct billing customers; {@code new_seat_customers} customers with a counted seat created in the period
 * and none earlier; {@code churned_seat_customers} customers whose seats are all revoked, the last in the period;
 * {@code average_seats_per_customer} and {@code seat_utilization_rate} (claimed / total) are 0.0 without seats.
 * Totals: the last period's value, the sum for new and churned customers. Beyond Polar: {@code
 * median_time_to_claim_seconds} (invitation claims in the period; null when none) and {@code seats_revoked}
 * (revocation reason to count, reasons with none left out).
 */
public final class SeatMetrics {
    /** Polar's slugs with their display names and types, in Polar's order. */
    static final Map<String, String[]> POLAR = new LinkedHashMap<>();

    static {
        POLAR.put("seats_total", new String[] {"Seat Count", "scalar"});
        POLAR.put("seats_claimed", new String[] {"Claimed Seats", "scalar"});
        POLAR.put("seats_pending", new String[] {"Pending Seats", "scalar"});
        POLAR.put("seat_customers", new String[] {"Active Customers", "scalar"});
        POLAR.put("new_seat_customers", new String[] {"New Customers", "scalar"});
        POLAR.put("churned_seat_customers", new String[] {"Churned Customers", "scalar"});
        POLAR.put("average_seats_per_customer", new String[] {"Average Seats per Customer", "scalar"});
        POLAR.put("seat_utilization_rate", new String[] {"Seat Utilization Rate", "percentage"});
    }

    static final String MEDIAN = "median_time_to_claim_seconds";
    static final String REVOKED = "seats_revoked";

    private SeatMetrics() {}

    /** One period: its start and the value of each slug (numbers, null, or the reason counts of seats_revoked). */
    public record Period(java.time.ZonedDateTime timestamp, Map<String, Object> values) {}

    public record Result(List<Period> periods, Map<String, Object> totals) {}

    static Result compute(List<MetricSeat> seats, MetricsWindow window) {
        Map<String, Long> firstCreated = new HashMap<>();
        Map<String, long[]> lastRevoked = new HashMap<>(); // {seats, revoked seats, latest revoked_at}
        for (MetricSeat s : seats) {
            firstCreated.merge(s.customer(), s.created(), Math::min);
            long[] r = lastRevoked.computeIfAbsent(s.customer(), c -> new long[] {0, 0, Long.MIN_VALUE});
            r[0]++;
            if (s.revoked() != SeatSpan.NEVER) {
                r[1]++;
                r[2] = Math.max(r[2], s.revoked());
            }
        }
        var periods = new ArrayList<Period>();
        long newSum = 0;
        long churnedSum = 0;
        Map<String, Long> revokedSum = new TreeMap<>();
        for (int i = 0; i < window.timestamps().size(); i++) {
            long t = window.start(i);
            long next = window.end(i);
            long total = 0;
            long claimed = 0;
            Set<String> customers = new HashSet<>();
            Set<String> newCustomers = new HashSet<>();
            for (MetricSeat s : seats) {
                boolean counted = s.created() < next
                        && s.created() <= window.originalEnd()
                        && (s.revoked() == SeatSpan.NEVER
                                || (s.revoked() >= next && s.revoked() >= window.originalStart()));
                if (!counted) {
                    continue;
                }
                total++;
                if (s.claimed() < next) {
                    claimed++;
                }
                customers.add(s.customer());
                if (s.created() >= t && firstCreated.get(s.customer()) >= t) {
                    newCustomers.add(s.customer());
                }
            }
            long churned = lastRevoked.values().stream()
                    .filter(r -> r[0] == r[1] && r[2] >= t && r[2] < next)
                    .count();
            long from = Math.max(t, window.originalStart());
            long until = Math.min(next, window.originalEnd() + 1);
            var values = new LinkedHashMap<String, Object>();
            values.put("seats_total", total);
            values.put("seats_claimed", claimed);
            values.put("seats_pending", total - claimed);
            values.put("seat_customers", (long) customers.size());
            values.put("new_seat_customers", (long) newCustomers.size());
            values.put("churned_seat_customers", churned);
            values.put("average_seats_per_customer", customers.isEmpty() ? 0.0 : (double) total / customers.size());
            values.put("seat_utilization_rate", total == 0 ? 0.0 : (double) claimed / total);
            values.put(MEDIAN, median(seats, from, until));
            Map<String, Long> revoked = revoked(seats, from, until);
            values.put(REVOKED, revoked);
            periods.add(new Period(window.timestamps().get(i), values));
            newSum += newCustomers.size();
            churnedSum += churned;
            revoked.forEach((reason, n) -> revokedSum.merge(reason, n, Long::sum));
        }
        var totals = new LinkedHashMap<String, Object>();
        Map<String, Object> last =
                periods.isEmpty() ? Map.of() : periods.get(periods.size() - 1).values();
        for (String slug : POLAR.keySet()) {
            boolean floating = slug.equals("average_seats_per_customer") || slug.equals("seat_utilization_rate");
            totals.put(slug, last.getOrDefault(slug, floating ? 0.0 : 0L));
        }
        totals.put("new_seat_customers", newSum);
        totals.put("churned_seat_customers", churnedSum);
        totals.put(MEDIAN, median(seats, window.originalStart(), window.originalEnd() + 1));
        totals.put(REVOKED, revokedSum);
        return new Result(periods, totals);
    }

    /** The median seconds from assign to claim of the invitation claims in {@code [from, until)}; null when none. */
    static BigDecimal median(List<MetricSeat> seats, long from, long until) {
        long[] waits = seats.stream()
                .filter(s -> s.invited() && s.claimed() != SeatSpan.NEVER && s.claimed() >= from && s.claimed() < until)
                .mapToLong(s -> s.claimed() - s.created())
                .sorted()
                .toArray();
        if (waits.length == 0) {
            return null;
        }
        int mid = waits.length / 2;
        BigDecimal micros = waits.length % 2 == 1
                ? BigDecimal.valueOf(waits[mid])
                : BigDecimal.valueOf(waits[mid - 1])
                        .add(BigDecimal.valueOf(waits[mid]))
                        .divide(BigDecimal.valueOf(2));
        BigDecimal seconds = micros.divide(BigDecimal.valueOf(1_000_000), 3, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }

    /** Seats revoked in {@code [from, until)} by reason (an older revoke without one was manual), ordered by reason. */
    static Map<String, Long> revoked(List<MetricSeat> seats, long from, long until) {
        Map<String, Long> counts = new TreeMap<>();
        for (MetricSeat s : seats) {
            if (s.revoked() != SeatSpan.NEVER && s.revoked() >= from && s.revoked() < until) {
                counts.merge(s.reason() == null ? "manual" : s.reason(), 1L, Long::sum);
            }
        }
        return counts;
    }
}

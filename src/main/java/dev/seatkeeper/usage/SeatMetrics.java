package dev.seatkeeper.usage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * (revocation reason to count, reasons with none left out). The database counts ({@link SeatMetricsService}); this
 * class only folds the counts into Polar's shape.
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

    /** The metrics of a window with no seats: zeros, null medians, no revocations. */
    static Result empty(MetricsWindow window) {
        return of(new SeatTally(window.timestamps().size()), window);
    }

    /** The metrics of what the queries counted ({@link SeatMetricsService}) over the window's periods. */
    static Result of(SeatTally tally, MetricsWindow window) {
        long[] totals = tally.totals();
        long[] claimed = tally.claimed();
        long[] customers = tally.customers();
        long[] newCustomers = tally.newCustomers();
        long[] churned = tally.churnedCustomers();
        var periods = new ArrayList<Period>();
        long newSum = 0;
        long churnedSum = 0;
        Map<String, Long> revokedSum = new TreeMap<>();
        for (int i = 0; i < window.timestamps().size(); i++) {
            long total = totals[i];
            var values = new LinkedHashMap<String, Object>();
            values.put("seats_total", total);
            values.put("seats_claimed", claimed[i]);
            values.put("seats_pending", total - claimed[i]);
            values.put("seat_customers", customers[i]);
            values.put("new_seat_customers", newCustomers[i]);
            values.put("churned_seat_customers", churned[i]);
            values.put("average_seats_per_customer", customers[i] == 0 ? 0.0 : (double) total / customers[i]);
            values.put("seat_utilization_rate", total == 0 ? 0.0 : (double) claimed[i] / total);
            values.put(MEDIAN, tally.medians[i]);
            Map<String, Long> revoked = tally.revoked.get(i);
            values.put(REVOKED, revoked);
            periods.add(new Period(window.timestamps().get(i), values));
            newSum += newCustomers[i];
            churnedSum += churned[i];
            revoked.forEach((reason, n) -> revokedSum.merge(reason, n, Long::sum));
        }
        var result = new LinkedHashMap<String, Object>();
        Map<String, Object> last =
                periods.isEmpty() ? Map.of() : periods.get(periods.size() - 1).values();
        for (String slug : POLAR.keySet()) {
            boolean floating = slug.equals("average_seats_per_customer") || slug.equals("seat_utilization_rate");
            result.put(slug, last.getOrDefault(slug, floating ? 0.0 : 0L));
        }
        result.put("new_seat_customers", newSum);
        result.put("churned_seat_customers", churnedSum);
        result.put(MEDIAN, tally.windowMedian);
        result.put(REVOKED, revokedSum);
        return new Result(periods, result);
    }
}

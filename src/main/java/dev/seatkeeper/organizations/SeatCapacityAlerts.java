package dev.seatkeeper.organizations;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The organization's capacity alert thresholds (contract, "Beyond Polar: capacity signals, seat usage and seat
 * metrics"): percentages of a container's seats, 1 to 100, at whose upward crossing
 * {@code customer_seat_pool.threshold_reached} is recorded. Not set means {@link #DEFAULT}.
 */
public final class SeatCapacityAlerts {
    /** Polar has no such setting; 80 % and full are the points merchants ask to hear about. */
    public static final List<Integer> DEFAULT = List.of(80, 100);

    /** At most this many thresholds (one per percentage point would be 100). */
    public static final int MAX_THRESHOLDS = 100;

    private SeatCapacityAlerts() {}

    /** The thresholds as kept: ascending, duplicates removed. */
    public static List<Integer> normalize(List<Long> given) {
        var sorted = new TreeSet<Integer>();
        given.forEach(v -> sorted.add(v.intValue()));
        return List.copyOf(sorted);
    }

    /** The stored form: comma-separated ascending percentages ({@code ""} for none), {@code null} for the default. */
    static String store(List<Integer> thresholds) {
        return thresholds == null
                ? null
                : String.join(",", thresholds.stream().map(String::valueOf).toList());
    }

    static List<Integer> load(String stored) {
        if (stored == null) {
            return DEFAULT;
        }
        return stored.isEmpty()
                ? List.of()
                : Arrays.stream(stored.split(",")).map(Integer::valueOf).toList();
    }
}

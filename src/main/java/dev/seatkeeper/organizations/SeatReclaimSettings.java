package dev.seatkeeper.organizations;

import dev.seatkeeper.platform.JsonBody;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code feature_settings.seat_reclaim} of an organization's create or update body (contract, "Beyond Polar:
 * activity and reclaim of idle seats"), recording pydantic's errors in the body: {@code inactive_after_days} 7 to 3650,
 * {@code unclaimed_after_days} 1 to 3650 or {@code null}, {@code warn_days_before} 0 to 30, {@code exempt_roles} a
 * list of member roles. The caller checks the body.
 */
final class SeatReclaimSettings {
    static final String FIELD = "seat_reclaim";

    private SeatReclaimSettings() {}

    /** The change the body asks for; empty when {@code seat_reclaim} is absent or null. */
    static Optional<SeatReclaimPolicy.Change> read(JsonBody features) {
        Optional<Boolean> given = features.optionalObject(FIELD).map(raw -> raw.containsKey("unclaimed_after_days"));
        if (given.isEmpty()) {
            return Optional.empty();
        }
        JsonBody reclaim = features.optionalNested(FIELD).orElseThrow();
        Boolean enabled = reclaim.optionalBoolean("enabled").orElse(null);
        Integer inactive = days(reclaim, "inactive_after_days", SeatReclaimPolicy.MIN_INACTIVE_DAYS);
        Integer unclaimed = days(reclaim, "unclaimed_after_days", 1);
        Integer warn = reclaim.optionalLongBetween("warn_days_before", 0, SeatReclaimPolicy.MAX_WARN_DAYS)
                .map(Long::intValue)
                .orElse(null);
        List<String> roles = reclaim.optionalStringList("exempt_roles")
                .map(list -> roles(reclaim, list))
                .orElse(null);
        return Optional.of(new SeatReclaimPolicy.Change(enabled, inactive, given.get(), unclaimed, warn, roles));
    }

    private static Integer days(JsonBody reclaim, String name, int min) {
        return reclaim.optionalLongBetween(name, min, SeatReclaimPolicy.MAX_DAYS)
                .map(Long::intValue)
                .orElse(null);
    }

    private static List<String> roles(JsonBody reclaim, List<String> given) {
        var allowed = List.of("owner", "billing_manager", "member");
        for (int i = 0; i < given.size(); i++) {
            if (!allowed.contains(given.get(i))) {
                reclaim.rejectItem(
                        "exempt_roles",
                        i,
                        "enum",
                        "Input should be 'owner', 'billing_manager' or 'member'",
                        given.get(i));
            }
        }
        return given.stream().distinct().toList();
    }
}

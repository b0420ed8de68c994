package dev.seatkeeper.organizations;

import java.util.List;

/**
 * An organization's {@code feature_settings.seat_reclaim} (contract, "Beyond Polar: activity and reclaim of idle
 * seats"): whether idle claimed seats are reclaimed, after how many days without activity, how many days ahead the
 * holder is warned, after how many days an unclaimed invitation's seat is revoked ({@code null}: never), and which
 * member roles are never reclaimed (wire names: {@code owner}, {@code billing_manager}, {@code member}). Also the
 * organization's answer's shape.
 */
public record SeatReclaimPolicy(
        boolean enabled,
        int inactiveAfterDays,
        Integer unclaimedAfterDays,
        int warnDaysBefore,
        List<String> exemptRoles) {
    /** Fewest days without activity before a seat is idle. */
    public static final int MIN_INACTIVE_DAYS = 7;
    /** Most days of warning. */
    public static final int MAX_WARN_DAYS = 30;
    /** Longest period any of the day counts may take (ten years). */
    public static final int MAX_DAYS = 3650;

    /** Off, with the contract's defaults for the rest (30 days idle, 7 days of warning, owners and billing managers exempt). */
    public static final SeatReclaimPolicy DEFAULT =
            new SeatReclaimPolicy(false, 30, null, 7, List.of("owner", "billing_manager"));

    public SeatReclaimPolicy {
        exemptRoles = List.copyOf(exemptRoles);
    }

    /** This policy with the fields a request gave changed. */
    public SeatReclaimPolicy with(Change change) {
        return new SeatReclaimPolicy(
                change.enabled() != null ? change.enabled() : enabled,
                change.inactiveAfterDays() != null ? change.inactiveAfterDays() : inactiveAfterDays,
                change.unclaimedAfterDaysGiven() ? change.unclaimedAfterDays() : unclaimedAfterDays,
                change.warnDaysBefore() != null ? change.warnDaysBefore() : warnDaysBefore,
                change.exemptRoles() != null ? change.exemptRoles() : exemptRoles);
    }

    /** Whether a member of this role (its wire name) is never reclaimed. */
    public boolean exempts(String role) {
        return role != null && exemptRoles.contains(role);
    }

    /**
     * The fields of a {@code seat_reclaim} object in a request, validated; {@code null}: not given, keep.
     * {@code unclaimedAfterDaysGiven} tells an explicit {@code null} (never) from an absent field.
     */
    public record Change(
            Boolean enabled,
            Integer inactiveAfterDays,
            boolean unclaimedAfterDaysGiven,
            Integer unclaimedAfterDays,
            Integer warnDaysBefore,
            List<String> exemptRoles) {}
}

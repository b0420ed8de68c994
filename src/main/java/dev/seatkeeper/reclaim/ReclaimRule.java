package dev.seatkeeper.reclaim;

import dev.seatkeeper.organizations.SeatReclaimPolicy;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A seat's next step under its organization's reclaim policy (contract, "Beyond Polar: activity and reclaim of idle
 * seats"), decided from the seat's facts alone, so that the scheduler and the preview agree. A claimed seat idle since
 * {@code last_active_at} (else {@code claimed_at}) falls due for reclaim {@code inactive_after_days} later and is warned
 * {@code warn_days_before} days before that; a warning always gives the full {@code warn_days_before}. A pending seat
 * is revoked {@code unclaimed_after_days} after its creation. Exempt roles are never reclaimed; a warning no longer due
 * under the current policy (policy changed, turned off, role now exempt) is withdrawn.
 */
final class ReclaimRule {
    private ReclaimRule() {}

    /** What is done to the seat. */
    enum Action {
        /** {@code reclaim_at} set, {@code customer_seat.inactivity_warning}, the e-mail. */
        WARN,
        /** The warned seat is revoked, reason {@code inactivity}. */
        RECLAIM,
        /** The pending seat is revoked, reason {@code unclaimed}. */
        UNCLAIMED,
        /** {@code reclaim_at} back to null. */
        WITHDRAW
    }

    /** The seat as the rule reads it; times UTC. {@code role}: its member's role (wire name), null without member. */
    record Seat(
            boolean claimed,
            boolean pending,
            OffsetDateTime createdAt,
            OffsetDateTime claimedAt,
            OffsetDateTime lastActiveAt,
            OffsetDateTime reclaimAt,
            String role) {}

    /**
     * The next step: what, and when it falls due (UTC; at or before {@code now} means at the next run). For
     * {@link Action#WARN}, {@code reclaimAt} is the {@code reclaim_at} a warning given at {@code now} sets.
     */
    record Step(Action action, OffsetDateTime at, OffsetDateTime reclaimAt) {
        boolean dueAt(OffsetDateTime now) {
            return !at.isAfter(now);
        }
    }

    /** The seat's next step, or empty when nothing will happen to it under this policy. */
    static Optional<Step> next(Seat seat, SeatReclaimPolicy policy, OffsetDateTime now) {
        boolean kept = !policy.enabled() || policy.exempts(seat.role());
        if (kept || !(seat.claimed() || seat.pending())) {
            return seat.reclaimAt() == null ? Optional.empty() : Optional.of(new Step(Action.WITHDRAW, now, null));
        }
        if (seat.pending()) {
            if (seat.reclaimAt() != null) {
                return Optional.of(new Step(Action.WITHDRAW, now, null));
            }
            return Optional.ofNullable(policy.unclaimedAfterDays())
                    .map(days -> new Step(Action.UNCLAIMED, seat.createdAt().plusDays(days), null));
        }
        OffsetDateTime idleSince = seat.lastActiveAt() != null ? seat.lastActiveAt() : seat.claimedAt();
        OffsetDateTime reclaimDue = idleSince.plusDays(policy.inactiveAfterDays());
        OffsetDateTime warnDue = reclaimDue.minusDays(policy.warnDaysBefore());
        if (seat.reclaimAt() != null) {
            return Optional.of(
                    warnDue.isAfter(now)
                            ? new Step(Action.WITHDRAW, now, null)
                            : new Step(Action.RECLAIM, seat.reclaimAt(), null));
        }
        OffsetDateTime fullWarning = later(now, warnDue).plusDays(policy.warnDaysBefore());
        return Optional.of(new Step(Action.WARN, warnDue, later(reclaimDue, fullWarning)));
    }

    static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}

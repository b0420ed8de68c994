package dev.seatkeeper.reclaim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.organizations.SeatReclaimPolicy;
import dev.seatkeeper.reclaim.ReclaimRule.Action;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReclaimRuleTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 5, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final SeatReclaimPolicy POLICY =
            new SeatReclaimPolicy(true, 30, 3, 7, List.of("owner", "billing_manager"));

    private static ReclaimRule.Seat claimed(int idleDays, OffsetDateTime reclaimAt, String role) {
        return new ReclaimRule.Seat(
                true, false, NOW.minusDays(100), NOW.minusDays(100), NOW.minusDays(idleDays), reclaimAt, role);
    }

    @Test
    void anIdleSeatIsWarnedWarnDaysBeforeItsReclaim() {
        var step = ReclaimRule.next(claimed(10, null, "member"), POLICY, NOW).orElseThrow();
        assertEquals(Action.WARN, step.action());
        assertEquals(NOW.plusDays(13), step.at());
        assertEquals(NOW.plusDays(20), step.reclaimAt());
    }

    @Test
    void aSeatIdleLongerWhenThePolicyIsTurnedOnGetsTheFullWarning() {
        var step = ReclaimRule.next(claimed(90, null, "member"), POLICY, NOW).orElseThrow();
        assertTrue(step.dueAt(NOW));
        assertEquals(NOW.plusDays(7), step.reclaimAt());
        var noWarning = new SeatReclaimPolicy(true, 30, null, 0, List.of());
        assertEquals(
                NOW,
                ReclaimRule.next(claimed(90, null, "member"), noWarning, NOW)
                        .orElseThrow()
                        .reclaimAt());
    }

    @Test
    void aWarnedSeatIsReclaimedAtReclaimAtUnlessNoLongerDue() {
        var warned = ReclaimRule.next(claimed(40, NOW.minusMinutes(1), "member"), POLICY, NOW)
                .orElseThrow();
        assertEquals(Action.RECLAIM, warned.action());
        assertTrue(warned.dueAt(NOW));
        var active = ReclaimRule.next(claimed(1, NOW.plusDays(2), "member"), POLICY, NOW)
                .orElseThrow();
        assertEquals(Action.WITHDRAW, active.action());
        var turnedOff = new SeatReclaimPolicy(false, 30, null, 7, List.of());
        assertEquals(
                Action.WITHDRAW,
                ReclaimRule.next(claimed(40, NOW.plusDays(2), "member"), turnedOff, NOW)
                        .orElseThrow()
                        .action());
    }

    @Test
    void exemptRolesAreNeverReclaimedAndPendingSeatsExpireWithoutWarning() {
        assertTrue(ReclaimRule.next(claimed(400, null, "owner"), POLICY, NOW).isEmpty());
        var pending = new ReclaimRule.Seat(false, true, NOW.minusDays(4), null, null, null, null);
        var step = ReclaimRule.next(pending, POLICY, NOW).orElseThrow();
        assertEquals(Action.UNCLAIMED, step.action());
        assertEquals(NOW.minusDays(1), step.at());
    }
}

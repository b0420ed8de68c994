package dev.seatkeeper.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The retry schedule of the contract's defaults: 4 s doubling to 1 h, for 3 days, with jitter, honouring Retry-After. */
class RetryScheduleTest {
    private static final RetrySchedule DEFAULTS =
            new RetrySchedule(Duration.ofSeconds(4), Duration.ofHours(1), Duration.ofDays(3));
    private static final OffsetDateTime START = OffsetDateTime.of(2026, 11, 30, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void delaysDoubleFromTheBaseUpToTheMaximumWithinAQuarterEitherWay() {
        var random = new Random(7);
        long[] expectedSeconds = {4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 3600, 3600};
        for (int attempt = 1; attempt <= expectedSeconds.length; attempt++) {
            for (int i = 0; i < 50; i++) {
                long millis = DEFAULTS.backoff(attempt, random).toMillis();
                long nominal = expectedSeconds[attempt - 1] * 1000;
                assertTrue(millis >= nominal * 3 / 4 && millis < nominal * 5 / 4, attempt + ": " + millis);
            }
        }
    }

    @Test
    void anEventFailsWhenItsNextAttemptWouldFallOutsideTheWindow() {
        var random = new Random(1);
        assertTrue(DEFAULTS.next(1, START, START, Optional.empty(), random).isPresent());
        var nearTheEnd = START.plus(Duration.ofDays(3)).minusSeconds(1);
        assertEquals(Optional.empty(), DEFAULTS.next(5, START, nearTheEnd, Optional.empty(), random));
    }

    @Test
    void retryAfterIsHonouredInSecondsOrAsADateAndCappedAtTheMaximumInterval() {
        var random = new Random(1);
        assertEquals(Optional.of(START.plusSeconds(120)), DEFAULTS.next(1, START, START, Optional.of("120"), random));
        assertEquals(
                Optional.of(START.plusSeconds(90)),
                DEFAULTS.next(1, START, START, Optional.of("Mon, 30 Nov 2026 12:01:30 GMT"), random));
        assertEquals(Optional.of(START.plusHours(1)), DEFAULTS.next(1, START, START, Optional.of("86400"), random));
        var unreadable =
                DEFAULTS.next(1, START, START, Optional.of("soon"), random).orElseThrow();
        assertTrue(
                unreadable.isAfter(START.plusSeconds(2)) && unreadable.isBefore(START.plusSeconds(6)),
                "an unreadable Retry-After falls back to the schedule: " + unreadable);
    }
}

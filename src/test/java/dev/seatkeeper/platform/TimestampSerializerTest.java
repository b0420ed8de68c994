package dev.seatkeeper.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Timestamps as Polar writes them: UTC, seconds always present, six fraction digits or none. */
class TimestampSerializerTest {
    @Test
    void writesUtcWithMicrosecondsOrNoneOnAWholeSecond() {
        var at = OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 123_456_789, ZoneOffset.UTC);
        assertEquals("2026-11-22T10:00:00.123456Z", TimestampSerializer.format(at));
        assertEquals("2026-11-22T10:00:00Z", TimestampSerializer.format(at.withNano(0)));
        assertEquals("2026-11-22T10:00:00Z", TimestampSerializer.format(at.withNano(999)), "below a microsecond");
        assertEquals("2026-11-22T10:00:00.000001Z", TimestampSerializer.format(at.withNano(1_500)));
        assertEquals(
                "2026-11-22T08:30:05.010000Z",
                TimestampSerializer.format(
                        OffsetDateTime.of(2026, 11, 22, 10, 0, 5, 10_000_000, ZoneOffset.ofHoursMinutes(1, 30))),
                "another offset is written in UTC");
        assertEquals(
                "+10000-01-01T00:00:00Z",
                TimestampSerializer.format(OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)),
                "a year of five digits as java.time writes it");
    }

    @Test
    void writesWhatThePatternFormatterWritesForAnyInstant() {
        var whole = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
        var micros = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
        var random = new Random(20261207);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(Instant.parse("1000-01-01T00:00:00Z").getEpochSecond(), 253_402_300_799L);
            int nanos = i % 10 == 0 ? random.nextInt(1_000) : random.nextInt(1_000_000_000);
            var at = OffsetDateTime.ofInstant(
                    Instant.ofEpochSecond(seconds, nanos), ZoneOffset.ofHours(random.nextInt(-12, 15)));
            var utc = at.withOffsetSameInstant(ZoneOffset.UTC);
            String expected = (utc.getNano() / 1000 == 0 ? whole : micros).format(utc);
            assertEquals(expected, TimestampSerializer.format(at), at.toString());
        }
    }
}

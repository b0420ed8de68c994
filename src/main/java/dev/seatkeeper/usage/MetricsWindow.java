package dev.seatkeeper.usage;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The periods of a metrics request as Polar's metrics service makes them: from {@code start_date} at midnight in the
 * time zone, moved back to the start of its week (Monday), month or year, one timestamp per interval up to
 * {@code end_date} 23:59:59.999999; each period runs to the next timestamp. The request's own bounds ({@code start_date}
 * midnight, {@code end_date} end) are kept for the filters Polar applies with them.
 */
public record MetricsWindow(List<ZonedDateTime> timestamps, String interval, long originalStart, long originalEnd) {
    /** Polar's MAX_INTERVAL_DAYS: the longest window per interval, in days between the two dates. */
    static final Map<String, Integer> MAX_DAYS =
            Map.of("hour", 7, "day", 366, "week", 7 * 53, "month", 365 * 4, "year", 365 * 10);

    static final List<String> INTERVALS = List.of("year", "month", "week", "day", "hour");

    /** A window starts at or after {@code EARLIEST} and ends before {@code LATEST} (microseconds, UTC): years 1 to 9999. */
    static final long EARLIEST = SeatSpan.micros(java.time.OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));

    static final long LATEST = SeatSpan.micros(java.time.OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));

    static MetricsWindow of(LocalDate startDate, LocalDate endDate, String interval, ZoneId zone) {
        ZonedDateTime start = startDate.atStartOfDay(zone);
        ZonedDateTime end = endDate.atTime(LocalTime.MAX.withNano(999_999_000)).atZone(zone);
        ZonedDateTime first = switch (interval) {
            case "week" ->
                startDate
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .atStartOfDay(zone);
            case "month" -> startDate.withDayOfMonth(1).atStartOfDay(zone);
            case "year" -> startDate.withDayOfYear(1).atStartOfDay(zone);
            default -> start;
        };
        var timestamps = new ArrayList<ZonedDateTime>();
        for (int k = 0; !step(first, k, interval).isAfter(end); k++) {
            timestamps.add(step(first, k, interval));
        }
        return new MetricsWindow(
                timestamps,
                interval,
                SeatSpan.micros(start.toOffsetDateTime()),
                SeatSpan.micros(end.toOffsetDateTime()));
    }

    /** The timestamp {@code k} intervals after {@code first}, counted from it so that month ends do not drift. */
    static ZonedDateTime step(ZonedDateTime first, long k, String interval) {
        return switch (interval) {
            case "hour" -> first.plusHours(k);
            case "day" -> first.plusDays(k);
            case "week" -> first.plusWeeks(k);
            case "month" -> first.plusMonths(k);
            default -> first.plusYears(k);
        };
    }

    /** Start of period {@code i}, in microseconds since the epoch. */
    long start(int i) {
        return SeatSpan.micros(timestamps.get(i).toOffsetDateTime());
    }

    /** End of period {@code i} (the next timestamp, exclusive), in microseconds since the epoch. */
    long end(int i) {
        return SeatSpan.micros(step(timestamps.get(i), 1, interval).toOffsetDateTime());
    }
}

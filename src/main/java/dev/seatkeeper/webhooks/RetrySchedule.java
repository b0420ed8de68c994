package dev.seatkeeper.webhooks;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed attempt is tried again (contract, "Events (webhooks)", Beyond Polar): the first retry after
 * {@code base}, each next one twice as long up to {@code maxInterval}, each with up to ±25 % jitter so that the
 * retries of many events do not arrive together; a receiver's {@code Retry-After} is honoured instead (at most
 * {@code maxInterval}); the event has failed when the next attempt would fall after {@code retryFor} from the start of
 * its window.
 */
record RetrySchedule(Duration base, Duration maxInterval, Duration retryFor) {

    static RetrySchedule of(WebhookSettings settings) {
        return new RetrySchedule(settings.retryBase(), settings.retryMaxInterval(), settings.retryFor());
    }

    /**
     * The time of the next attempt after the {@code attempts}-th one failed at {@code now} (UTC), or empty when the
     * retry window that began at {@code windowStart} is over.
     *
     * @param retryAfter the receiver's {@code Retry-After} header, if any (seconds or an HTTP date)
     */
    Optional<OffsetDateTime> next(
            int attempts,
            OffsetDateTime windowStart,
            OffsetDateTime now,
            Optional<String> retryAfter,
            RandomGenerator random) {
        Duration delay = retryAfter
                .flatMap(header -> parseRetryAfter(header, now))
                .map(d -> d.compareTo(maxInterval) > 0 ? maxInterval : d)
                .orElseGet(() -> backoff(attempts, random));
        OffsetDateTime next = now.plus(delay);
        return next.isAfter(windowStart.plus(retryFor)) ? Optional.empty() : Optional.of(next);
    }

    /** {@code base × 2^(attempts-1)}, at most {@code maxInterval}, times a random factor in [0.75, 1.25). */
    Duration backoff(int attempts, RandomGenerator random) {
        long millis = base.toMillis();
        for (int i = 1; i < attempts && millis < maxInterval.toMillis(); i++) {
            millis *= 2;
        }
        millis = Math.min(millis, maxInterval.toMillis());
        return Duration.ofMillis((long) (millis * (0.75 + random.nextDouble() / 2)));
    }

    /** A {@code Retry-After} value as a delay from {@code now}: delta-seconds or an HTTP date (RFC 9110, 10.2.3). */
    static Optional<Duration> parseRetryAfter(String header, OffsetDateTime now) {
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                var when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration delay = Duration.between(now, when);
                return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}

package dev.seatkeeper.usage;

import dev.seatkeeper.platform.Timestamps;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * One seat's history as the ledger reads it (the metrics use its conversions), in microseconds since the epoch (UTC): held (pending or
 * claimed) from {@code created} until {@code revoked}, claimed from {@code claimed} until {@code revoked}; a bound not
 * reached is {@link Long#MAX_VALUE}.
 */
record SeatSpan(long created, long claimed, long revoked) {
    static final long NEVER = Long.MAX_VALUE;

    static long micros(OffsetDateTime t) {
        return t == null
                ? NEVER
                : ChronoUnit.MICROS.between(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), t);
    }

    static OffsetDateTime instant(long micros) {
        return OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plus(micros, ChronoUnit.MICROS);
    }

    static long columnMicros(Object value) {
        return micros(Timestamps.column(value));
    }
}

package dev.seatkeeper.platform;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** All stored and returned times are UTC with microsecond precision, the precision databases keep. */
public final class Timestamps {
    /**
     * The latest time Seatkeeper stores or returns: four-digit years, as ISO-8601 clients and Python's
     * {@code datetime.max} (Polar's server) read them.
     */
    public static final OffsetDateTime LATEST = OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC);

    private Timestamps() {}

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}

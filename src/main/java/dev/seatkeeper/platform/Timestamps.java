package dev.seatkeeper.platform;

import java.time.LocalDateTime;
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

    /**
     * A timestamp column as a native query returns it: stored in UTC without an offset, handed back as one of
     * several Java types depending on the JPA provider and the driver.
     *
     * @return the instant in UTC, or null for SQL NULL
     * @throws IllegalStateException for a value that is no timestamp
     */
    public static OffsetDateTime column(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDateTime t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp column " + value.getClass());
    }
}

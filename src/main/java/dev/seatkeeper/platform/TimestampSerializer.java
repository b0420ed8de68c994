package dev.seatkeeper.platform;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes every timestamp in UTC as ISO-8601 with seconds always present ({@code 2026-11-22T10:00:00.123456Z}):
 * {@code OffsetDateTime.toString()} drops zero seconds, which Polar's SDK rejects.
 */
public class TimestampSerializer implements JsonbSerializer<OffsetDateTime> {
    @Override
    public void serialize(OffsetDateTime value, JsonGenerator generator, SerializationContext ctx) {
        generator.write(format(value));
    }

    private static final DateTimeFormatter WHOLE_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
    private static final DateTimeFormatter MICROSECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    /** As Polar writes them: six fraction digits, or none on a whole second. */
    public static String format(OffsetDateTime value) {
        OffsetDateTime utc = value.withOffsetSameInstant(ZoneOffset.UTC);
        return (utc.getNano() / 1000 == 0 ? WHOLE_SECONDS : MICROSECONDS).format(utc);
    }
}

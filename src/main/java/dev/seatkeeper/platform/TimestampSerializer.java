package dev.seatkeeper.platform;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes every timestamp in UTC as ISO-8601 with seconds always present ({@code 2026-11-22T10:00:00Z}):
 * {@code OffsetDateTime.toString()} drops zero seconds, which Polar's SDK rejects.
 */
public class TimestampSerializer implements JsonbSerializer<OffsetDateTime> {
    @Override
    public void serialize(OffsetDateTime value, JsonGenerator generator, SerializationContext ctx) {
        generator.write(format(value));
    }

    public static String format(OffsetDateTime value) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.withOffsetSameInstant(ZoneOffset.UTC));
    }
}

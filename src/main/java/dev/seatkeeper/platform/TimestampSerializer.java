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

    /**
     * As Polar writes them: the instant in UTC, six fraction digits (microseconds, truncated), or none on a whole
     * second. Years 1000 to 9999 are written digit by digit: the pattern formatter computes the fraction through
     * {@code BigDecimal}, and a claim writes a dozen timestamps (its answer, its event), about a twenty-fifth of its
     * server CPU in a JFR recording of the claim benchmark (bench/). Other years go through the formatter.
     */
    public static String format(OffsetDateTime value) {
        OffsetDateTime utc = value.withOffsetSameInstant(ZoneOffset.UTC);
        int micros = utc.getNano() / 1000;
        int year = utc.getYear();
        if (year < 1000 || year > 9999) {
            return (micros == 0 ? WHOLE_SECONDS : MICROSECONDS).format(utc);
        }
        var text = new StringBuilder(27).append(year);
        digits(text.append('-'), utc.getMonthValue(), 2);
        digits(text.append('-'), utc.getDayOfMonth(), 2);
        digits(text.append('T'), utc.getHour(), 2);
        digits(text.append(':'), utc.getMinute(), 2);
        digits(text.append(':'), utc.getSecond(), 2);
        if (micros != 0) {
            digits(text.append('.'), micros, 6);
        }
        return text.append('Z').toString();
    }

    /** Appends {@code value} (not negative) with leading zeros to {@code width} digits. */
    private static void digits(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
    }
}

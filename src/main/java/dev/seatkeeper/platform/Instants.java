package dev.seatkeeper.platform;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * ISO-8601 instants from bodies and queries ({@code expires_at}, {@code current_period_end}, {@code ?at=}), as
 * pydantic's {@code AwareDatetime} reads them: a date-time with an offset; without one, {@code timezone_aware};
 * anything else, {@code datetime_from_date_parsing}. Returned in UTC at microseconds, as stored.
 */
public final class Instants {
    private Instants() {}

    /**
     * An optional body field; its problems are recorded in the body (the caller checks it).
     *
     * @return the instant in UTC, or empty when absent, null, or malformed
     */
    public static Optional<OffsetDateTime> optional(JsonBody body, String name) {
        return body.optionalString(name).flatMap(text -> {
            try {
                return Optional.of(parse(text));
            } catch (Malformed e) {
                body.reject(name, e.type, e.getMessage());
                return Optional.empty();
            }
        });
    }

    /**
     * A query parameter that is an instant.
     *
     * @throws RequestValidationException 422 at {@code ["query", name]} when malformed
     */
    public static OffsetDateTime query(String name, String text) {
        try {
            return parse(text);
        } catch (Malformed e) {
            throw new RequestValidationException(
                    new ValidationIssue(e.type, List.of("query", name), e.getMessage(), text));
        }
    }

    /** A 422 {@code value_error} at {@code loc} for an instant that must be in the future and is not. */
    public static RequestValidationException notInFuture(List<Object> loc, String text) {
        return new RequestValidationException(
                new ValidationIssue("value_error", loc, "Value error, The date must be in the future.", text));
    }

    private static OffsetDateTime parse(String text) {
        String iso = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso)
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException noOffset) {
            try {
                LocalDateTime.parse(iso);
            } catch (DateTimeParseException notADateTime) {
                throw new Malformed(
                        "datetime_from_date_parsing", "Input should be a valid datetime or date, invalid format");
            }
            throw new Malformed("timezone_aware", "Input should have timezone info");
        }
    }

    private static final class Malformed extends RuntimeException {
        private final String type;

        Malformed(String type, String message) {
            super(message, null, false, false);
            this.type = type;
        }
    }
}

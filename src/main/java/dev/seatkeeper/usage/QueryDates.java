package dev.seatkeeper.usage;

import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.ValidationIssue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** Query parameters read as FastAPI reads them: 422 with pydantic's issue at {@code ["query", name]}. */
final class QueryDates {
    private QueryDates() {}

    /**
     * A {@code YYYY-MM-DD} date; empty when absent. Raises 422 {@code date_from_datetime_parsing} otherwise, also for
     * an empty value ({@code ?from=}): FastAPI hands {@code ""} of a query to pydantic, which refuses it, so a client
     * whose value went missing is told so rather than served the default. As Python's dates, the year has four digits
     * and is not 0 ({@code +10000-01-01} and {@code 0000-01-01}, which Java would take, are refused).
     */
    static Optional<LocalDate> optional(String name, String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.isEmpty()) {
            throw malformed(name, "input is too short", text);
        }
        if (!FOUR_DIGIT_YEAR.matcher(text).matches()) {
            throw malformed(name, "input is not a date in the format YYYY-MM-DD", text);
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 1) {
                throw outOfRange(name, text);
            }
            return Optional.of(date);
        } catch (DateTimeParseException e) {
            throw malformed(name, "input is not a date in the format YYYY-MM-DD", text);
        }
    }

    private static final java.util.regex.Pattern FOUR_DIGIT_YEAR =
            java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** 422 {@code date_from_datetime_parsing} at {@code ["query", name]}: a date outside what can be served. */
    static RequestValidationException outOfRange(String name, String text) {
        return malformed(name, "input is out of range", text);
    }

    private static RequestValidationException malformed(String name, String why, String text) {
        return new RequestValidationException(new ValidationIssue(
                "date_from_datetime_parsing",
                List.of("query", name),
                "Input should be a valid date or datetime, " + why,
                text));
    }

    /** A required date: 422 {@code missing} when absent. */
    static LocalDate required(String name, String text) {
        return optional(name, text)
                .orElseThrow(
                        () -> new RequestValidationException(ValidationIssue.missing(List.of("query", name), null)));
    }

    /** One of {@code allowed}; {@code fallback} when absent. Raises 422 {@code enum} otherwise (an empty value too). */
    static String oneOf(String name, String text, List<String> allowed, String fallback) {
        if (text == null) {
            if (fallback != null) {
                return fallback;
            }
            throw new RequestValidationException(ValidationIssue.missing(List.of("query", name), null));
        }
        if (allowed.contains(text)) {
            return text;
        }
        var quoted = allowed.stream().map(a -> "'" + a + "'").toList();
        String alternatives =
                String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
        throw new RequestValidationException(
                new ValidationIssue("enum", List.of("query", name), "Input should be " + alternatives, text));
    }

    /** Polar's answer to a window that is reversed or too long for its interval (metrics' is_under_limits). */
    static RequestValidationException tooLong(Object input) {
        return new RequestValidationException(new ValidationIssue(
                "value_error",
                List.of("query"),
                "The interval is too small for the given date range. Use a larger interval or reduce the date range.",
                input));
    }
}

package dev.seatkeeper.audit;

import dev.seatkeeper.platform.Instants;
import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.ValidationIssue;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The query of {@code GET /v1/audit-events} (contract, "Beyond Polar: audit trail"): {@code from} (inclusive) and
 * {@code to} (exclusive), each an ISO-8601 instant with its offset or a UTC date ({@code to} as a date includes that
 * day); {@code limit} 1 to 1000 (default 100); {@code cursor}, the {@code next_cursor} of the page before.
 *
 * @param beforeSeq the cursor's position: entries with a lower {@code seq} come next; null for the first page
 */
record AuditQuery(OffsetDateTime from, OffsetDateTime to, int limit, Long beforeSeq) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String CURSOR_PREFIX = "seq:";
    /** The years (UTC) a window bound may fall in: those of four-digit dates, and the day after the last. */
    private static final int MIN_YEAR = 0;

    private static final int MAX_YEAR = 10000;

    /**
     * Reads the query.
     *
     * @throws RequestValidationException 422 naming each malformed parameter at {@code ["query", name]}
     */
    static AuditQuery of(String from, String to, String limit, String cursor) {
        var issues = new ArrayList<ValidationIssue>();
        OffsetDateTime start = instant("from", from, false, issues);
        OffsetDateTime end = instant("to", to, true, issues);
        int size = limit(limit, issues);
        Long before = cursor(cursor, issues);
        if (issues.isEmpty() && start != null && end != null && !start.isBefore(end)) {
            issues.add(new ValidationIssue(
                    "value_error", List.of("query", "to"), "Value error, to must be after from.", to));
        }
        if (!issues.isEmpty()) {
            throw new RequestValidationException(issues);
        }
        return new AuditQuery(start, end, size, before);
    }

    /** The cursor that continues after an entry with this {@code seq} (newest first: to the older ones). */
    static String cursorAfter(long seq) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((CURSOR_PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static OffsetDateTime instant(String name, String text, boolean endOfDay, List<ValidationIssue> issues) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (DATE.matcher(text.strip()).matches()) {
            try {
                LocalDate day = LocalDate.parse(text.strip());
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                issues.add(new ValidationIssue(
                        "date_from_datetime_parsing", List.of("query", name), "Input should be a valid date", text));
                return null;
            }
        }
        try {
            OffsetDateTime instant = Instants.query(name, text);
            if (instant.getYear() < MIN_YEAR || instant.getYear() > MAX_YEAR) {
                // Java reads years of up to nine digits, which the databases cannot hold (H2 misread such a bound and
                // answered an empty list; PostgreSQL's timestamps span 4713 BC to 294276 AD). Polar's parser refuses
                // any year past 9999 likewise.
                issues.add(new ValidationIssue(
                        "datetime_from_date_parsing",
                        List.of("query", name),
                        "Input should be a valid datetime or date, year out of range",
                        text));
                return null;
            }
            return instant;
        } catch (RequestValidationException e) {
            issues.addAll(e.issues());
            return null;
        }
    }

    private static int limit(String text, List<ValidationIssue> issues) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 1) {
                issues.add(new ValidationIssue(
                        "greater_than_equal",
                        List.of("query", "limit"),
                        "Input should be greater than or equal to 1",
                        text));
            } else if (value > MAX_LIMIT) {
                issues.add(new ValidationIssue(
                        "less_than_equal",
                        List.of("query", "limit"),
                        "Input should be less than or equal to " + MAX_LIMIT,
                        text));
            }
            return value;
        } catch (NumberFormatException e) {
            issues.add(new ValidationIssue(
                    "int_parsing",
                    List.of("query", "limit"),
                    "Input should be a valid integer, unable to parse string as an integer",
                    text));
            return DEFAULT_LIMIT;
        }
    }

    private static Long cursor(String text, List<ValidationIssue> issues) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
            if (decoded.startsWith(CURSOR_PREFIX)) {
                long seq = Long.parseLong(decoded.substring(CURSOR_PREFIX.length()));
                if (seq > 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // Not base64, or not a number inside: answered below as any unknown cursor is.
        }
        issues.add(new ValidationIssue(
                "value_error", List.of("query", "cursor"), "Value error, Not a cursor this list returned.", text));
        return null;
    }
}

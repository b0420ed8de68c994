package dev.seatkeeper.platform;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing of UUIDs from paths, queries and bodies, failing with Polar's {@code uuid_parsing} error. */
public final class Ids {
    // Hyphenated or simple (32 hex digits) form, optionally prefixed by urn:uuid:, as pydantic accepts.
    private static final Pattern UUID_TEXT = Pattern.compile(
            "(?i)(urn:uuid:)?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})");

    private Ids() {
    }

    public static Optional<UUID> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var m = UUID_TEXT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(m.group(2) + "-" + m.group(3) + "-" + m.group(4) + "-" + m.group(5) + "-" + m.group(6)));
    }

    public static ValidationIssue invalid(List<Object> loc, Object input) {
        return new ValidationIssue("uuid_parsing", loc,
                "Input should be a valid UUID, unable to parse string as a UUID", input);
    }

    /** A required path parameter: {@code loc ["path", name]}. */
    public static UUID path(String name, String text) {
        return tryParse(text).orElseThrow(() -> new RequestValidationException(invalid(List.of("path", name), text)));
    }

    /** An optional query parameter: absent or empty is empty; malformed is a 422 at {@code ["query", name]}. */
    public static Optional<UUID> query(String name, String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tryParse(text).orElseThrow(
                () -> new RequestValidationException(invalid(List.of("query", name), text))));
    }
}

package dev.seatkeeper.platform;

import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parsing of UUIDs from paths, queries and bodies, failing with Polar's {@code uuid_parsing} error. */
public final class Ids {
    // Hyphenated or simple (32 hex digits) form, optionally prefixed by urn:uuid:, as pydantic accepts.
    private static final Pattern UUID_TEXT = Pattern.compile(
            "(?i)(urn:uuid:)?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})");

    private Ids() {}

    public static Optional<UUID> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var m = UUID_TEXT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(
                m.group(2) + "-" + m.group(3) + "-" + m.group(4) + "-" + m.group(5) + "-" + m.group(6)));
    }

    /** pydantic's uuid_parsing, with its reason: a character outside the UUID alphabet, or the wrong length. */
    public static ValidationIssue invalid(List<Object> loc, Object input) {
        String text = input instanceof JsonString s ? s.getString() : String.valueOf(input);
        String reason = reason(text);
        return new ValidationIssue(
                "uuid_parsing",
                loc,
                "Input should be a valid UUID, " + reason,
                input,
                Jsonp.PROVIDER.createObjectBuilder().add("error", reason).build());
    }

    private static String reason(String text) {
        String body = text.startsWith("urn:uuid:") ? text.substring(9) : text;
        int offset = text.length() - body.length();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.digit(c, 16) < 0 && c != '-') {
                return "invalid character: found `" + c + "` at " + (offset + i + 1);
            }
        }
        long digits = body.chars().filter(c -> c != '-').count();
        return body.contains("-")
                ? "invalid group count: expected 5, found " + body.split("-", -1).length
                : "invalid length: expected length 32 for simple format, found " + digits;
    }

    /**
     * A required path parameter: {@code loc ["path", name]}. Ids in paths and queries are UUID version 4, as in
     * Polar's routes; any other version is {@code uuid_version}.
     */
    public static UUID path(String name, String text) {
        return version4(List.of("path", name), text);
    }

    /** An optional query parameter: absent or empty is empty; malformed is a 422 at {@code ["query", name]}. */
    public static Optional<UUID> query(String name, String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(version4(List.of("query", name), text));
    }

    /**
     * A query parameter that may be repeated (Polar's {@code MultipleQueryFilter}): every value, in order; absent is
     * an empty list and empty values are skipped, as for {@link #query}. A malformed value is a 422 at
     * {@code ["query", name, index]}, every one of them reported, as pydantic validates each item of the list.
     */
    public static List<UUID> queryList(String name, List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            return List.of();
        }
        var ids = new ArrayList<UUID>();
        var issues = new ArrayList<ValidationIssue>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isEmpty()) {
                continue;
            }
            try {
                ids.add(version4(List.of("query", name, i), text));
            } catch (RequestValidationException e) {
                issues.addAll(e.issues());
            }
        }
        if (!issues.isEmpty()) {
            throw new RequestValidationException(issues);
        }
        return List.copyOf(ids);
    }

    private static UUID version4(List<Object> loc, String text) {
        UUID id = tryParse(text).orElseThrow(() -> new RequestValidationException(invalid(loc, text)));
        if (id.version() != 4) {
            throw new RequestValidationException(new ValidationIssue(
                    "uuid_version",
                    loc,
                    "UUID version 4 expected",
                    text,
                    Jsonp.PROVIDER
                            .createObjectBuilder()
                            .add("expected_version", 4)
                            .build()));
        }
        return id;
    }
}

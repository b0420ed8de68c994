package dev.seatkeeper.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * UUIDs, booleans, enumerations and lists of strings in request bodies as pydantic reads them; each refusal is recorded with pydantic's
 * type and message at the field's location.
 */
final class JsonScalars {
    private JsonScalars() {}

    /** A UUID from a string in any form Python's {@code UUID} reads; else {@code uuid_parsing} or {@code uuid_type}. */
    static Optional<UUID> uuid(JsonValue v, List<Object> loc, FieldIssues issues) {
        Optional<UUID> id = v instanceof JsonString s ? Ids.tryParse(s.getString()) : Optional.empty();
        if (id.isEmpty()) {
            issues.add(
                    v instanceof JsonString
                            ? Ids.invalid(loc, v)
                            : new ValidationIssue(
                                    "uuid_type", loc, "UUID input should be a string, bytes or UUID object", v));
        }
        return id;
    }

    /** {@code true}/{@code false}, their strings in any case, or the numbers 1 and 0; else {@code bool_parsing}. */
    static Optional<Boolean> bool(JsonValue v, List<Object> loc, FieldIssues issues) {
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return Optional.of(v == JsonValue.TRUE);
        }
        if (v instanceof JsonString s
                && Set.of("true", "false").contains(s.getString().toLowerCase())) {
            return Optional.of(Boolean.parseBoolean(s.getString()));
        }
        if (v instanceof JsonNumber n
                && (n.bigDecimalValue().compareTo(BigDecimal.ZERO) == 0
                        || n.bigDecimalValue().compareTo(BigDecimal.ONE) == 0)) {
            return Optional.of(n.bigDecimalValue().compareTo(BigDecimal.ONE) == 0);
        }
        issues.add(new ValidationIssue(
                "bool_parsing", loc, "Input should be a valid boolean, unable to interpret input", v));
        return Optional.empty();
    }

    /** Whether {@code value} is one of {@code allowed}; otherwise records pydantic's {@code enum} error naming them. */
    static boolean oneOf(String value, List<String> allowed, List<Object> loc, FieldIssues issues) {
        if (allowed.contains(value)) {
            return true;
        }
        issues.add(new ValidationIssue("enum", loc, "Input should be " + quotedAlternatives(allowed), value));
        return false;
    }

    /** The strings of a list, each other item recorded as {@code string_type} at {@code itemLoc} of its index. */
    static List<String> strings(JsonArray items, IntFunction<List<Object>> itemLoc, FieldIssues issues) {
        var result = new ArrayList<String>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof JsonString s) {
                result.add(s.getString());
            } else {
                issues.add(new ValidationIssue(
                        "string_type", itemLoc.apply(i), "Input should be a valid string", items.get(i)));
            }
        }
        return result;
    }

    private static String quotedAlternatives(List<String> allowed) {
        var quoted = allowed.stream().map(a -> "'" + a + "'").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }
}

package dev.seatkeeper.platform;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request body read as a JSON object, with typed accessors that collect every problem they meet
 * (missing field, wrong type, malformed UUID, ...) as pydantic would, instead of stopping at the first.
 * A request record reads all of its fields, then calls {@link #check()}, which throws one 422 listing them all.
 *
 * <p>Absent and {@code null} are treated alike for optional fields, as Polar's schemas do.
 */
@Schema(name = "RequestBody", type = SchemaType.OBJECT, description = "A JSON object; the operation's description names its fields.")
public final class JsonBody {
    private final JsonObject object;
    private final List<Object> loc;
    private final List<ValidationIssue> issues;

    private JsonBody(JsonObject object, List<Object> loc, List<ValidationIssue> issues) {
        this.object = object;
        this.loc = loc;
        this.issues = issues;
    }

    /** Parses a whole request body; a malformed or non-object body is a 422 at once. */
    public static JsonBody parse(InputStream stream) throws IOException {
        byte[] bytes = stream.readAllBytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new RequestValidationException(ValidationIssue.missing(List.of("body"), null));
        }
        JsonValue value;
        long end;
        boolean trailing;
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            parser.next();
            value = parser.getValue();
            end = parser.getLocation().getStreamOffset();
            trailing = trailingContent(parser);
        } catch (JsonParsingException e) {
            throw malformed(errorOffset(text, e));
        } catch (RuntimeException e) {
            throw malformed(0);
        }
        if (trailing) {
            throw malformed(firstNonBlank(text, (int) Math.min(Math.max(end, 0), text.length())));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new RequestValidationException(new ValidationIssue("model_attributes_type", List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from", value));
        }
        return new JsonBody(value.asJsonObject(), List.of("body"), new ArrayList<>());
    }

    private static boolean trailingContent(JsonParser parser) {
        try {
            return parser.hasNext();
        } catch (JsonParsingException e) {
            return true;
        }
    }

    /**
     * Where Python's decoder would say the error is: the start of the offending token, or the end of the text when
     * it ended too early (the parser's own offset is unreliable there).
     */
    private static long errorOffset(String text, JsonParsingException e) {
        if (e.getLocation() == null || e.getMessage() != null && e.getMessage().contains("EOF")) {
            return text.length();
        }
        return Math.min(Math.max(0, e.getLocation().getStreamOffset()), text.length());
    }

    private static long firstNonBlank(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static RequestValidationException malformed(long offset) {
        return new RequestValidationException(new ValidationIssue("json_invalid", List.of("body", offset),
                "JSON decode error", Json.createObjectBuilder().build()));
    }

    public static JsonBody of(String json) {
        try {
            return parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Throws the 422 for every problem recorded so far by this body and the nested ones read from it. */
    public void check() {
        if (!issues.isEmpty()) {
            throw new RequestValidationException(issues);
        }
    }

    public boolean has(String name) {
        return object.containsKey(name) && !object.isNull(name);
    }

    public List<Object> locOf(String name) {
        var l = new ArrayList<>(loc);
        l.add(name);
        return Collections.unmodifiableList(l);
    }

    /** Records a problem found by a rule of the caller (a value error, an enum, a bound). */
    public void reject(String name, String type, String msg) {
        issues.add(new ValidationIssue(type, locOf(name), msg, object.get(name)));
    }

    /** Records a rule that concerns the body as a whole, as pydantic's model validators do. */
    public void rejectBody(String msg) {
        issues.add(new ValidationIssue("value_error", loc, "Value error, " + msg, object));
    }

    private Optional<JsonValue> present(String name, boolean required) {
        if (has(name)) {
            return Optional.of(object.get(name));
        }
        if (required) {
            issues.add(ValidationIssue.missing(locOf(name), object));
        }
        return Optional.empty();
    }

    private Optional<String> string(String name, boolean required) {
        return present(name, required).flatMap(v -> {
            if (v instanceof JsonString s) {
                return Optional.of(s.getString());
            }
            issues.add(new ValidationIssue("string_type", locOf(name), "Input should be a valid string", v));
            return Optional.empty();
        });
    }

    public String requiredString(String name) {
        return string(name, true).orElse(null);
    }

    public Optional<String> optionalString(String name) {
        return string(name, false);
    }

    /** A required string that must not be empty after trimming. */
    public String requiredText(String name) {
        String s = requiredString(name);
        if (s != null && s.isBlank()) {
            issues.add(new ValidationIssue("string_too_short", locOf(name),
                    "String should have at least 1 character", s));
            return null;
        }
        return s;
    }

    private Optional<UUID> uuid(String name, boolean required) {
        return present(name, required).flatMap(v -> {
            Optional<UUID> id = v instanceof JsonString s ? Ids.tryParse(s.getString()) : Optional.empty();
            if (id.isEmpty()) {
                issues.add(v instanceof JsonString
                        ? Ids.invalid(locOf(name), v)
                        : new ValidationIssue("uuid_type", locOf(name), "UUID input should be a string, bytes or UUID object", v));
            }
            return id;
        });
    }

    public UUID requiredUuid(String name) {
        return uuid(name, true).orElse(null);
    }

    public Optional<UUID> optionalUuid(String name) {
        return uuid(name, false);
    }

    private Optional<Long> integer(String name, boolean required) {
        return present(name, required).flatMap(v -> {
            if (v instanceof JsonNumber n) {
                if (n.isIntegral()) {
                    try {
                        return Optional.of(n.longValueExact());
                    } catch (ArithmeticException e) {
                        // falls through to the type error below
                    }
                } else if (n.bigDecimalValue().stripTrailingZeros().scale() <= 0) {
                    return Optional.of(n.bigDecimalValue().longValue());
                } else {
                    issues.add(new ValidationIssue("int_from_float", locOf(name),
                            "Input should be a valid integer, got a number with a fractional part", v));
                    return Optional.empty();
                }
            }
            if (v instanceof JsonString s) {
                try {
                    return Optional.of(Long.parseLong(s.getString().strip()));
                } catch (NumberFormatException e) {
                    issues.add(new ValidationIssue("int_parsing", locOf(name),
                            "Input should be a valid integer, unable to parse string as an integer", v));
                    return Optional.empty();
                }
            }
            issues.add(new ValidationIssue("int_type", locOf(name), "Input should be a valid integer", v));
            return Optional.empty();
        });
    }

    public Optional<Long> optionalLong(String name) {
        return integer(name, false);
    }

    public Long requiredLong(String name) {
        return integer(name, true).orElse(null);
    }

    /** An optional integer with an inclusive lower bound ({@code greater_than_equal}). */
    public Optional<Long> optionalLongAtLeast(String name, long min) {
        return integer(name, false).filter(n -> {
            if (n >= min) {
                return true;
            }
            issues.add(new ValidationIssue("greater_than_equal", locOf(name),
                    "Input should be greater than or equal to " + min, object.get(name)));
            return false;
        });
    }

    public Long requiredLongAtLeast(String name, long min) {
        if (!has(name)) {
            issues.add(ValidationIssue.missing(locOf(name), object));
            return null;
        }
        return optionalLongAtLeast(name, min).orElse(null);
    }

    public Optional<Boolean> optionalBoolean(String name) {
        return present(name, false).flatMap(v -> {
            if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
                return Optional.of(v == JsonValue.TRUE);
            }
            if (v instanceof JsonString s && Set.of("true", "false").contains(s.getString().toLowerCase())) {
                return Optional.of(Boolean.parseBoolean(s.getString()));
            }
            if (v instanceof JsonNumber n && (n.bigDecimalValue().compareTo(BigDecimal.ZERO) == 0
                    || n.bigDecimalValue().compareTo(BigDecimal.ONE) == 0)) {
                return Optional.of(n.bigDecimalValue().compareTo(BigDecimal.ONE) == 0);
            }
            issues.add(new ValidationIssue("bool_parsing", locOf(name), "Input should be a valid boolean", v));
            return Optional.empty();
        });
    }

    /** One of the given lowercase values, or a pydantic {@code enum} error naming them. */
    public Optional<String> optionalEnum(String name, List<String> allowed) {
        return string(name, false).filter(s -> {
            if (allowed.contains(s)) {
                return true;
            }
            issues.add(new ValidationIssue("enum", locOf(name), "Input should be " + quotedAlternatives(allowed), s));
            return false;
        });
    }

    public String requiredEnum(String name, List<String> allowed) {
        if (!has(name)) {
            issues.add(ValidationIssue.missing(locOf(name), object));
            return null;
        }
        return optionalEnum(name, allowed).orElse(null);
    }

    private static String quotedAlternatives(List<String> allowed) {
        var quoted = allowed.stream().map(a -> "'" + a + "'").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }

    /** A JSON object kept as it is (metadata); anything else is a {@code dict_type} error. */
    public Optional<JsonObject> optionalObject(String name) {
        return present(name, false).flatMap(v -> {
            if (v.getValueType() == JsonValue.ValueType.OBJECT) {
                return Optional.of(v.asJsonObject());
            }
            issues.add(new ValidationIssue("dict_type", locOf(name), "Input should be a valid dictionary", v));
            return Optional.empty();
        });
    }

    /** A nested object read with the same accessors; its problems land in this body's list. */
    public Optional<JsonBody> optionalNested(String name) {
        return optionalObject(name).map(o -> new JsonBody(o, locOf(name), issues));
    }

    public Optional<JsonBody> requiredNested(String name) {
        if (!has(name)) {
            issues.add(ValidationIssue.missing(locOf(name), object));
            return Optional.empty();
        }
        return optionalNested(name);
    }

    private Optional<JsonArray> array(String name, boolean required) {
        return present(name, required).flatMap(v -> {
            if (v.getValueType() == JsonValue.ValueType.ARRAY) {
                return Optional.of(v.asJsonArray());
            }
            issues.add(new ValidationIssue("list_type", locOf(name), "Input should be a valid list", v));
            return Optional.empty();
        });
    }

    /** A list of nested objects; each element's problems are located by its index. */
    public List<JsonBody> requiredObjectList(String name) {
        var result = new ArrayList<JsonBody>();
        array(name, true).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                var itemLoc = new ArrayList<>(locOf(name));
                itemLoc.add(i);
                JsonValue item = items.get(i);
                if (item.getValueType() == JsonValue.ValueType.OBJECT) {
                    result.add(new JsonBody(item.asJsonObject(), List.copyOf(itemLoc), issues));
                } else {
                    issues.add(new ValidationIssue("model_attributes_type", List.copyOf(itemLoc),
                            "Input should be a valid dictionary or object to extract fields from", item));
                }
            }
        });
        return result;
    }

    public Optional<List<String>> optionalStringList(String name) {
        return array(name, false).map(items -> stringItems(name, items));
    }

    public List<String> requiredStringList(String name) {
        return array(name, true).map(items -> stringItems(name, items)).orElse(List.of());
    }

    private List<String> stringItems(String name, JsonArray items) {
        var result = new ArrayList<String>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof JsonString s) {
                result.add(s.getString());
            } else {
                var itemLoc = new ArrayList<>(locOf(name));
                itemLoc.add(i);
                issues.add(new ValidationIssue("string_type", List.copyOf(itemLoc), "Input should be a valid string", items.get(i)));
            }
        }
        return result;
    }
}

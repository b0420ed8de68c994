package dev.seatkeeper.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * The bytes are read by {@link JsonDocument}, problems are located by {@link FieldIssues}, integers and metadata
 * follow {@link JsonIntegers} and {@link JsonMetadata}. Absent and {@code null} are treated alike for optional
 * fields, as Polar's schemas do.
 */
@Schema(
        name = "RequestBody",
        type = SchemaType.OBJECT,
        description = "A JSON object; the operation's description names its fields.")
public final class JsonBody {
    private final JsonObject object;
    private final FieldIssues issues;

    private JsonBody(JsonObject object, FieldIssues issues) {
        this.object = object;
        this.issues = issues;
    }

    /**
     * Parses a whole request body (UTF-8 bytes, an optional byte order mark) as a JSON object to read fields from.
     *
     * @throws RequestValidationException 422: {@code missing} for no bytes, {@code json_invalid} where Python's
     *         decoder puts the first error, {@code model_attributes_type} for JSON that is not an object
     * @throws BadRequest for bytes that are not UTF-8, FastAPI's answer to a body it cannot decode
     */
    public static JsonBody parse(byte[] bytes) {
        return new JsonBody(JsonDocument.readObject(bytes), FieldIssues.ofBody());
    }

    /** {@link #parse} of a string's UTF-8 bytes. */
    public static JsonBody of(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Throws the 422 for every problem recorded so far by this body and the nested ones read from it. */
    public void check() {
        issues.check();
    }

    public boolean has(String name) {
        return object.containsKey(name) && !object.isNull(name);
    }

    public List<Object> locOf(String name) {
        return issues.at(name);
    }

    /** For bodies whose Polar model forbids unknown fields: each other field is {@code extra_forbidden}. */
    public void forbidOtherFields(Set<String> allowed) {
        object.forEach((key, value) -> {
            if (!allowed.contains(key)) {
                issues.add(new ValidationIssue("extra_forbidden", locOf(key), "Extra inputs are not permitted", value));
            }
        });
    }

    /** Records a problem found by a rule of the caller (a value error, an enum, a bound). */
    public void reject(String name, String type, String msg) {
        issues.add(new ValidationIssue(type, locOf(name), msg, object.get(name)));
    }

    /** Records a problem with one item of a list field, located at {@code [..., name, index]}. */
    public void rejectItem(String name, int index, String type, String msg, Object input) {
        issues.add(new ValidationIssue(type, issues.at(name, index), msg, input));
    }

    /** Records a rule that concerns the body as a whole, as pydantic's model validators do. */
    public void rejectBody(String msg) {
        issues.add(new ValidationIssue("value_error", issues.loc(), "Value error, " + msg, object));
    }

    /**
     * The field's value. An optional field that is absent or null is empty; a required one that is absent is
     * {@code missing}, and a required {@code null} is handed to the caller, whose type check rejects it as pydantic
     * does ({@code string_type} with input null, and so on).
     */
    private Optional<JsonValue> present(String name, boolean required) {
        if (!object.containsKey(name)) {
            if (required) {
                issues.add(ValidationIssue.missing(locOf(name), object));
            }
            return Optional.empty();
        }
        if (object.isNull(name) && !required) {
            return Optional.empty();
        }
        return Optional.of(object.get(name));
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

    /** Strings without a stated limit still fit the columns they are stored in. */
    public static final int DEFAULT_MAX_LENGTH = 256;

    public String requiredString(String name) {
        return requiredString(name, DEFAULT_MAX_LENGTH);
    }

    public String requiredString(String name, int maxLength) {
        return string(name, true).filter(s -> fits(name, s, maxLength)).orElse(null);
    }

    public Optional<String> optionalString(String name) {
        return optionalString(name, DEFAULT_MAX_LENGTH);
    }

    public Optional<String> optionalString(String name, int maxLength) {
        return string(name, false).filter(s -> fits(name, s, maxLength));
    }

    private boolean fits(String name, String value, int maxLength) {
        if (value.length() <= maxLength) {
            return true;
        }
        issues.add(new ValidationIssue(
                "string_too_long", locOf(name), "String should have at most " + maxLength + " characters", value));
        return false;
    }

    /** A required string that must not be empty after trimming. */
    public String requiredText(String name) {
        String s = requiredString(name);
        if (s != null && s.isBlank()) {
            issues.add(
                    new ValidationIssue("string_too_short", locOf(name), "String should have at least 1 character", s));
            return null;
        }
        return s;
    }

    private Optional<UUID> uuid(String name, boolean required) {
        return present(name, required).flatMap(v -> JsonScalars.uuid(v, locOf(name), issues));
    }

    public UUID requiredUuid(String name) {
        return uuid(name, true).orElse(null);
    }

    public Optional<UUID> optionalUuid(String name) {
        return uuid(name, false);
    }

    private Optional<Long> integer(String name, boolean required) {
        return present(name, required).flatMap(v -> JsonIntegers.read(v, locOf(name), issues));
    }

    /** The largest value of a 32-bit field, as Polar's seat counts and amounts are ("Numbers and pages"). */
    public static final long INT32_MAX = Integer.MAX_VALUE;

    /** An optional integer with an inclusive lower bound ({@code greater_than_equal}). */
    public Optional<Long> optionalLongAtLeast(String name, long min) {
        return integer(name, false).filter(n -> atLeast(name, n, min));
    }

    /**
     * An optional integer within inclusive bounds: below is {@code greater_than_equal}, above is
     * {@code less_than_equal}, both at the field's {@code loc}, as pydantic's {@code ge}/{@code le}.
     */
    public Optional<Long> optionalLongBetween(String name, long min, long max) {
        return integer(name, false).filter(n -> atLeast(name, n, min) && atMost(name, n, max));
    }

    /** A required integer within inclusive bounds; see {@link #optionalLongBetween}. */
    public Long requiredLongBetween(String name, long min, long max) {
        return integer(name, true)
                .filter(n -> atLeast(name, n, min) && atMost(name, n, max))
                .orElse(null);
    }

    private boolean atLeast(String name, long value, long min) {
        return JsonIntegers.atLeast(value, min, object.get(name), locOf(name), issues);
    }

    private boolean atMost(String name, long value, long max) {
        return JsonIntegers.atMost(value, max, object.get(name), locOf(name), issues);
    }

    public Optional<Boolean> optionalBoolean(String name) {
        return present(name, false).flatMap(v -> JsonScalars.bool(v, locOf(name), issues));
    }

    /** One of the given lowercase values, or a pydantic {@code enum} error naming them. */
    public Optional<String> optionalEnum(String name, List<String> allowed) {
        return string(name, false).filter(s -> oneOf(name, s, allowed));
    }

    private boolean oneOf(String name, String value, List<String> allowed) {
        return JsonScalars.oneOf(value, allowed, locOf(name), issues);
    }

    public String requiredEnum(String name, List<String> allowed) {
        return string(name, true).filter(s -> oneOf(name, s, allowed)).orElse(null);
    }

    /** A JSON object kept as it is (metadata); anything else is a {@code dict_type} error. */
    public Optional<JsonObject> optionalObject(String name) {
        return object(name, false);
    }

    private Optional<JsonObject> object(String name, boolean required) {
        return present(name, required).flatMap(v -> {
            if (v.getValueType() == JsonValue.ValueType.OBJECT) {
                return Optional.of(v.asJsonObject());
            }
            issues.add(new ValidationIssue("dict_type", locOf(name), "Input should be a valid dictionary", v));
            return Optional.empty();
        });
    }

    /** Polar's metadata ({@link JsonMetadata}): an object whose keys and values keep Polar's limits. */
    public Optional<JsonObject> optionalMetadata(String name) {
        Optional<JsonObject> metadata = optionalObject(name);
        metadata.ifPresent(m -> JsonMetadata.check(m, locOf(name), issues));
        return issues.isEmpty() ? metadata : metadata.filter(m -> false);
    }

    /** A nested object read with the same accessors; its problems land in this body's list. */
    public Optional<JsonBody> optionalNested(String name) {
        return optionalObject(name).map(o -> new JsonBody(o, issues.nestedAt(locOf(name))));
    }

    public Optional<JsonBody> requiredNested(String name) {
        return object(name, true).map(o -> new JsonBody(o, issues.nestedAt(locOf(name))));
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
                var itemLoc = issues.at(name, i);
                JsonValue item = items.get(i);
                if (item.getValueType() == JsonValue.ValueType.OBJECT) {
                    result.add(new JsonBody(item.asJsonObject(), issues.nestedAt(itemLoc)));
                } else {
                    issues.add(new ValidationIssue(
                            "model_attributes_type",
                            itemLoc,
                            "Input should be a valid dictionary or object to extract fields from",
                            item));
                }
            }
        });
        return result;
    }

    public List<String> requiredStringList(String name) {
        return array(name, true).map(items -> stringItems(name, items)).orElse(List.of());
    }

    /** A list of strings when present and not {@code null}; a {@code list_type} or {@code string_type} error otherwise. */
    public Optional<List<String>> optionalStringList(String name) {
        return array(name, false).map(items -> stringItems(name, items));
    }

    /** A list of integers in {@code [min, max]} when present and not {@code null}; each bad item is an issue at its index. */
    public Optional<List<Long>> optionalIntegerList(String name, long min, long max) {
        return array(name, false).map(items -> JsonIntegers.items(items, min, max, i -> issues.at(name, i), issues));
    }

    private List<String> stringItems(String name, JsonArray items) {
        return JsonScalars.strings(items, i -> issues.at(name, i), issues);
    }
}

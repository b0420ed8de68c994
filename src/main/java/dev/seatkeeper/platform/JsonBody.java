package dev.seatkeeper.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
@Schema(
        name = "RequestBody",
        type = SchemaType.OBJECT,
        description = "A JSON object; the operation's description names its fields.")
public final class JsonBody {
    private final JsonObject object;
    private final List<Object> loc;
    private final List<ValidationIssue> issues;

    private JsonBody(JsonObject object, List<Object> loc, List<ValidationIssue> issues) {
        this.object = object;
        this.loc = loc;
        this.issues = issues;
    }

    private static final JsonParserFactory PARSERS = Jsonp.PROVIDER.createParserFactory(null);

    /**
     * Parses a whole request body (UTF-8 bytes, an optional byte order mark) as a JSON object.
     *
     * @throws RequestValidationException 422: {@code missing} for no bytes, {@code json_invalid} where Python's
     *         decoder puts the first error (or where nesting passes {@link PythonJsonErrors#MAX_DEPTH}),
     *         {@code model_attributes_type} for JSON that is not an object
     * @throws BadRequest for bytes that are not UTF-8, FastAPI's answer to a body it
     *         cannot decode
     */
    public static JsonBody parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw new RequestValidationException(ValidationIssue.missing(List.of("body"), null));
        }
        String text = utf8(bytes);
        if (text.startsWith("\uFEFF")) {
            // Python decodes JSON bytes with utf-8-sig: a byte order mark is not an error.
            text = text.substring(1);
        }
        // The scan runs first and in constant stack, so the parser below never meets malformed or deep input.
        var error = PythonJsonErrors.firstError(text);
        if (error.isPresent()) {
            throw malformed(error.get());
        }
        JsonValue value;
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            parser.next();
            value = parser.getValue();
        } catch (RuntimeException e) {
            // What Python accepts and JSON-P does not (NaN, Infinity, numbers beyond its range).
            throw malformed(new PythonJsonErrors.Error(0, "Expecting value"));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw notAnObject(value);
        }
        return new JsonBody(value.asJsonObject(), List.of("body"), new ArrayList<>());
    }

    /**
     * The 422 for a body that is not a JSON object: pydantic's {@code model_attributes_type} at {@code ["body"]}
     * with the input as it came (a JSON value, or the text of a body sent with a content type other than JSON).
     */
    public static RequestValidationException notAnObject(Object input) {
        return new RequestValidationException(new ValidationIssue(
                "model_attributes_type",
                List.of("body"),
                "Input should be a valid dictionary or object to extract fields from",
                input));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadRequest("There was an error parsing the body");
        }
    }

    /** FastAPI's json_invalid: located where Python's decoder locates the error, with its message as context. */
    private static RequestValidationException malformed(PythonJsonErrors.Error error) {
        return new RequestValidationException(new ValidationIssue(
                "json_invalid",
                List.of("body", (long) error.offset()),
                "JSON decode error",
                JsonValue.EMPTY_JSON_OBJECT,
                ErrorBody.JSON
                        .createObjectBuilder()
                        .add("error", error.message())
                        .build()));
    }

    public static JsonBody of(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
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
        issues.add(new ValidationIssue(type, locOf(name, index), msg, input));
    }

    /** The location of one item of a list field: {@code [..., name, index]}. */
    private List<Object> locOf(String name, int index) {
        var itemLoc = new ArrayList<>(locOf(name));
        itemLoc.add(index);
        return List.copyOf(itemLoc);
    }

    /** Records a rule that concerns the body as a whole, as pydantic's model validators do. */
    public void rejectBody(String msg) {
        issues.add(new ValidationIssue("value_error", loc, "Value error, " + msg, object));
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
        return present(name, required).flatMap(v -> {
            Optional<UUID> id = v instanceof JsonString s ? Ids.tryParse(s.getString()) : Optional.empty();
            if (id.isEmpty()) {
                issues.add(
                        v instanceof JsonString
                                ? Ids.invalid(locOf(name), v)
                                : new ValidationIssue(
                                        "uuid_type",
                                        locOf(name),
                                        "UUID input should be a string, bytes or UUID object",
                                        v));
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

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    /** Past 64 bits the nearest long stands in for an integer: every bound checked on it is narrower. */
    private static long nearestLong(BigDecimal integral) {
        return integral.compareTo(LONG_MAX) > 0
                ? Long.MAX_VALUE
                : integral.compareTo(LONG_MIN) < 0 ? Long.MIN_VALUE : integral.longValueExact();
    }

    private Optional<Long> integer(String name, boolean required) {
        return present(name, required).flatMap(v -> {
            if (v instanceof JsonNumber n) {
                BigDecimal exact;
                try {
                    exact = n.bigDecimalValue().stripTrailingZeros();
                } catch (RuntimeException e) {
                    // An exponent beyond what the parser will expand: a magnitude past any bound.
                    exact = n.toString().startsWith("-")
                            ? LONG_MIN.subtract(BigDecimal.ONE)
                            : LONG_MAX.add(BigDecimal.ONE);
                }
                if (exact.scale() > 0) {
                    issues.add(new ValidationIssue(
                            "int_from_float",
                            locOf(name),
                            "Input should be a valid integer, got a number with a fractional part",
                            v));
                    return Optional.empty();
                }
                return Optional.of(nearestLong(exact));
            }
            // Python parses at most 4,300 digits from a string (sys.int_max_str_digits), which also bounds the work.
            if (v instanceof JsonString s && s.getString().length() <= 4300) {
                try {
                    return Optional.of(nearestLong(
                            new BigDecimal(new BigInteger(s.getString().strip()))));
                } catch (NumberFormatException e) {
                    issues.add(new ValidationIssue(
                            "int_parsing",
                            locOf(name),
                            "Input should be a valid integer, unable to parse string as an integer",
                            v));
                    return Optional.empty();
                }
            }
            if (v instanceof JsonString) {
                issues.add(new ValidationIssue(
                        "int_parsing",
                        locOf(name),
                        "Input should be a valid integer, unable to parse string as an integer",
                        v));
                return Optional.empty();
            }
            issues.add(new ValidationIssue("int_type", locOf(name), "Input should be a valid integer", v));
            return Optional.empty();
        });
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
        if (value >= min) {
            return true;
        }
        issues.add(new ValidationIssue(
                "greater_than_equal",
                locOf(name),
                "Input should be greater than or equal to " + min,
                object.get(name),
                ErrorBody.JSON.createObjectBuilder().add("ge", min).build()));
        return false;
    }

    private boolean atMost(String name, long value, long max) {
        if (value <= max) {
            return true;
        }
        issues.add(new ValidationIssue(
                "less_than_equal",
                locOf(name),
                "Input should be less than or equal to " + max,
                object.get(name),
                ErrorBody.JSON.createObjectBuilder().add("le", max).build()));
        return false;
    }

    public Optional<Boolean> optionalBoolean(String name) {
        return present(name, false).flatMap(v -> {
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
                    "bool_parsing", locOf(name), "Input should be a valid boolean, unable to interpret input", v));
            return Optional.empty();
        });
    }

    /** One of the given lowercase values, or a pydantic {@code enum} error naming them. */
    public Optional<String> optionalEnum(String name, List<String> allowed) {
        return string(name, false).filter(s -> oneOf(name, s, allowed));
    }

    private boolean oneOf(String name, String value, List<String> allowed) {
        if (allowed.contains(value)) {
            return true;
        }
        issues.add(new ValidationIssue("enum", locOf(name), "Input should be " + quotedAlternatives(allowed), value));
        return false;
    }

    public String requiredEnum(String name, List<String> allowed) {
        return string(name, true).filter(s -> oneOf(name, s, allowed)).orElse(null);
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

    /**
     * Polar's metadata: at most 50 keys of up to 40 characters, each value a string of up to 500 characters, a
     * number or a boolean.
     */
    public Optional<JsonObject> optionalMetadata(String name) {
        Optional<JsonObject> metadata = optionalObject(name);
        metadata.ifPresent(m -> {
            if (m.size() > 50) {
                issues.add(new ValidationIssue(
                        "too_long",
                        locOf(name),
                        "Dictionary should have at most 50 items after validation, not " + m.size(),
                        m));
            }
            m.forEach((key, value) -> {
                var keyLoc = new ArrayList<>(locOf(name));
                keyLoc.add(key);
                if (key.length() > 40) {
                    var loc = new ArrayList<Object>(keyLoc);
                    loc.add("[key]");
                    issues.add(new ValidationIssue(
                            "string_too_long", List.copyOf(loc), "String should have at most 40 characters", key));
                }
                switch (value.getValueType()) {
                    case STRING -> {
                        if (((JsonString) value).getString().length() > 500) {
                            issues.add(new ValidationIssue(
                                    "string_too_long",
                                    List.copyOf(keyLoc),
                                    "String should have at most 500 characters",
                                    value));
                        }
                    }
                    case NUMBER, TRUE, FALSE -> {}
                    default ->
                        issues.add(new ValidationIssue(
                                "string_type",
                                List.copyOf(keyLoc),
                                "Input should be a valid string, integer, number or boolean",
                                value));
                }
            });
        });
        return issues.isEmpty() ? metadata : metadata.filter(m -> false);
    }

    /** A nested object read with the same accessors; its problems land in this body's list. */
    public Optional<JsonBody> optionalNested(String name) {
        return optionalObject(name).map(o -> new JsonBody(o, locOf(name), issues));
    }

    public Optional<JsonBody> requiredNested(String name) {
        return object(name, true).map(o -> new JsonBody(o, locOf(name), issues));
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
                var itemLoc = locOf(name, i);
                JsonValue item = items.get(i);
                if (item.getValueType() == JsonValue.ValueType.OBJECT) {
                    result.add(new JsonBody(item.asJsonObject(), itemLoc, issues));
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

    private List<String> stringItems(String name, JsonArray items) {
        var result = new ArrayList<String>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof JsonString s) {
                result.add(s.getString());
            } else {
                rejectItem(name, i, "string_type", "Input should be a valid string", items.get(i));
            }
        }
        return result;
    }
}

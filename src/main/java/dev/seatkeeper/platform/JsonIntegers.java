package dev.seatkeeper.platform;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Integers in request bodies as pydantic reads them ({@code int} fields, with {@code ge}/{@code le} bounds): a JSON
 * number without a fractional part or a string of digits; each refusal is recorded with pydantic's type and message.
 */
final class JsonIntegers {
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    /** Python parses at most 4,300 digits from a string (sys.int_max_str_digits), which also bounds the work. */
    private static final int MAX_DIGITS = 4300;

    private JsonIntegers() {}

    /**
     * Takes a field's value and location; returns it as a long (past 64 bits, the nearest long: every bound checked on
     * it is narrower), or records {@code int_from_float}, {@code int_parsing} or {@code int_type} and returns empty.
     */
    static Optional<Long> read(JsonValue v, List<Object> loc, FieldIssues issues) {
        if (v instanceof JsonNumber n) {
            BigDecimal exact;
            try {
                exact = n.bigDecimalValue().stripTrailingZeros();
            } catch (RuntimeException e) {
                // An exponent beyond what the parser will expand: a magnitude past any bound.
                exact = n.toString().startsWith("-") ? LONG_MIN.subtract(BigDecimal.ONE) : LONG_MAX.add(BigDecimal.ONE);
            }
            if (exact.scale() > 0) {
                issues.add(new ValidationIssue(
                        "int_from_float",
                        loc,
                        "Input should be a valid integer, got a number with a fractional part",
                        v));
                return Optional.empty();
            }
            return Optional.of(nearestLong(exact));
        }
        if (v instanceof JsonString s && s.getString().length() <= MAX_DIGITS) {
            try {
                return Optional.of(
                        nearestLong(new BigDecimal(new BigInteger(s.getString().strip()))));
            } catch (NumberFormatException e) {
                // Not digits: refused below, as a string too long to parse is.
            }
        }
        if (v instanceof JsonString) {
            issues.add(new ValidationIssue(
                    "int_parsing", loc, "Input should be a valid integer, unable to parse string as an integer", v));
            return Optional.empty();
        }
        issues.add(new ValidationIssue("int_type", loc, "Input should be a valid integer", v));
        return Optional.empty();
    }

    /** Whether {@code value >= min}; otherwise records {@code greater_than_equal} with the field's input. */
    static boolean atLeast(long value, long min, JsonValue input, List<Object> loc, FieldIssues issues) {
        if (value >= min) {
            return true;
        }
        issues.add(new ValidationIssue(
                "greater_than_equal",
                loc,
                "Input should be greater than or equal to " + min,
                input,
                ErrorBody.JSON.createObjectBuilder().add("ge", min).build()));
        return false;
    }

    /** Whether {@code value <= max}; otherwise records {@code less_than_equal} with the field's input. */
    static boolean atMost(long value, long max, JsonValue input, List<Object> loc, FieldIssues issues) {
        if (value <= max) {
            return true;
        }
        issues.add(new ValidationIssue(
                "less_than_equal",
                loc,
                "Input should be less than or equal to " + max,
                input,
                ErrorBody.JSON.createObjectBuilder().add("le", max).build()));
        return false;
    }

    /** The integers of a list, each within {@code [min, max]}; any other item is recorded at {@code itemLoc} of its index. */
    static List<Long> items(
            JsonArray items,
            long min,
            long max,
            java.util.function.IntFunction<List<Object>> itemLoc,
            FieldIssues issues) {
        var result = new java.util.ArrayList<Long>();
        for (int i = 0; i < items.size(); i++) {
            JsonValue item = items.get(i);
            List<Object> loc = itemLoc.apply(i);
            read(item, loc, issues)
                    .filter(v -> atLeast(v, min, item, loc, issues) && atMost(v, max, item, loc, issues))
                    .ifPresent(result::add);
        }
        return result;
    }

    private static long nearestLong(BigDecimal integral) {
        return integral.compareTo(LONG_MAX) > 0
                ? Long.MAX_VALUE
                : integral.compareTo(LONG_MIN) < 0 ? Long.MIN_VALUE : integral.longValueExact();
    }
}

package dev.seatkeeper.platform;

import java.util.BitSet;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Python's {@code json} decoder (the one behind Polar's {@code json_invalid} errors) reports the first error
 * in a text, following its rules step by step: the offset of the token it did not expect, the opening quote of an
 * unterminated string, the comma before a closing bracket, and so on.
 *
 * <p>The scan keeps its own stack of open containers instead of recursing, so it runs in constant Java stack
 * whatever the nesting (a request body nested 100,000 deep is an error like any other, not a
 * {@code StackOverflowError}). Nesting deeper than {@link #MAX_DEPTH} is refused here, so that no parser behind it
 * ever sees such a text. Python itself gives up on deep nesting with a {@code RecursionError} (a 500 in FastAPI);
 * here it is a {@code json_invalid} at the bracket that went too deep.
 */
final class PythonJsonErrors {
    /** The deepest nesting of objects and arrays a body may have; Seatkeeper's own bodies need six. */
    static final int MAX_DEPTH = 500;

    static final String TOO_DEEP = "Nesting deeper than " + MAX_DEPTH + " levels";

    private static final Pattern NUMBER = Pattern.compile("(-?(?:0|[1-9][0-9]*))(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Pattern FOUR_HEX = Pattern.compile("[0-9a-fA-F]{4}");
    private static final String EXPECTING_VALUE = "Expecting value";
    private static final String[] LITERALS = {"null", "true", "false", "NaN", "Infinity", "-Infinity"};

    private final String s;
    private final Matcher number;
    /** The open containers, innermost at {@code depth - 1}: set for an object, clear for an array. */
    private final BitSet objects = new BitSet();

    private int depth;

    /** The first error: where it is (a character offset into the text) and Python's message for it. */
    record Error(int offset, String message) {}

    /** Thrown at the first error; carries no stack trace (it is control flow, not a fault). */
    private static final class Failure extends Exception {
        final Error error;

        Failure(int offset, String message) {
            super(message, null, false, false);
            this.error = new Error(offset, message);
        }
    }

    private PythonJsonErrors(String s) {
        this.s = s;
        this.number = NUMBER.matcher(s);
    }

    /** The error Python reports for the text (or the nesting limit), or empty when the text is valid JSON. */
    static Optional<Error> firstError(String text) {
        var scanner = new PythonJsonErrors(text);
        try {
            int end = scanner.skipWhitespace(scanner.document());
            return end == text.length() ? Optional.empty() : Optional.of(new Error(end, "Extra data"));
        } catch (Failure f) {
            return Optional.of(f.error);
        }
    }

    private int skipWhitespace(int i) {
        while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private boolean at(int i, char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    /**
     * The top-level value and everything inside it; returns the offset after it. Each turn of the outer loop reads
     * one value at {@code i}; the inner loop then closes the containers that end after it and moves to the next
     * element or member, in the order Python's {@code JSONObject} and {@code JSONArray} check them.
     */
    private int document() throws Failure {
        int i = skipWhitespace(0);
        while (true) {
            int outer = depth;
            i = value(i);
            if (depth > outer) {
                continue; // an object or array opened: i is where its first value starts
            }
            while (true) {
                if (depth == 0) {
                    return i;
                }
                boolean object = objects.get(depth - 1);
                char close = object ? '}' : ']';
                i = skipWhitespace(i);
                if (at(i, close)) {
                    depth--;
                    i++;
                    continue;
                }
                if (!at(i, ',')) {
                    throw new Failure(i, "Expecting ',' delimiter");
                }
                int comma = i;
                i = skipWhitespace(i + 1);
                if (at(i, close)) {
                    throw new Failure(comma, "Illegal trailing comma before end of " + (object ? "object" : "array"));
                }
                if (object) {
                    i = memberName(i);
                }
                break;
            }
        }
    }

    /**
     * A value starting at {@code i}. A scalar or an empty container returns the offset after it; a container with
     * content is pushed (depth grows by one) and returns where its first value starts.
     */
    private int value(int i) throws Failure {
        if (i >= s.length()) {
            throw new Failure(i, EXPECTING_VALUE);
        }
        char c = s.charAt(i);
        if (c == '"') {
            return string(i);
        }
        if (c == '{' || c == '[') {
            if (depth == MAX_DEPTH) {
                throw new Failure(i, TOO_DEEP);
            }
            boolean object = c == '{';
            int first = skipWhitespace(i + 1);
            if (at(first, object ? '}' : ']')) {
                return first + 1;
            }
            objects.set(depth, object);
            depth++;
            return object ? memberName(first) : first;
        }
        for (String literal : LITERALS) {
            if (s.startsWith(literal, i)) {
                return i + literal.length();
            }
        }
        if (number.region(i, s.length()).lookingAt()) {
            return number.end();
        }
        throw new Failure(i, EXPECTING_VALUE);
    }

    /** A member's name and its colon; returns where the member's value starts. */
    private int memberName(int i) throws Failure {
        if (!at(i, '"')) {
            throw new Failure(i, "Expecting property name enclosed in double quotes");
        }
        i = skipWhitespace(string(i));
        if (!at(i, ':')) {
            throw new Failure(i, "Expecting ':' delimiter");
        }
        return skipWhitespace(i + 1);
    }

    private int string(int quote) throws Failure {
        int i = quote + 1;
        while (true) {
            if (i >= s.length()) {
                throw new Failure(quote, "Unterminated string starting at");
            }
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c < 0x20) {
                throw new Failure(i, "Invalid control character at");
            }
            if (c == '\\') {
                if (i + 1 >= s.length()) {
                    throw new Failure(quote, "Unterminated string starting at");
                }
                char escape = s.charAt(i + 1);
                if (escape == 'u') {
                    if (i + 6 > s.length()
                            || !FOUR_HEX.matcher(s.substring(i + 2, i + 6)).matches()) {
                        throw new Failure(i + 1, "Invalid \\uXXXX escape");
                    }
                    i += 6;
                    continue;
                }
                if ("\"\\/bfnrt".indexOf(escape) < 0) {
                    throw new Failure(i, "Invalid \\escape");
                }
                i += 2;
                continue;
            }
            i++;
        }
    }
}

package dev.seatkeeper.platform;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Python's {@code json} decoder (the one behind Polar's {@code json_invalid} errors) reports the first error
 * in a text, following its rules step by step: the offset of the token it did not expect, the opening quote of an
 * unterminated string, the comma before a closing bracket, and so on. Only used to locate errors: the text has
 * already been found malformed.
 */
final class PythonJsonErrors {
    private static final Pattern NUMBER = Pattern.compile("(-?(?:0|[1-9][0-9]*))(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private final String s;
    private final Matcher number;

    /** The first error: where it is and Python's message for it. */
    record Error(int offset, String message) {
    }

    private static final String EXPECTING_VALUE = "Expecting value";

    /** Thrown at the first error. */
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

    /** The error Python reports for the text, or empty when Python would decode it. */
    static Optional<Error> firstError(String text) {
        var scanner = new PythonJsonErrors(text);
        try {
            int end = scanner.skipWhitespace(scanner.value(scanner.skipWhitespace(0)));
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

    /** A value starting at {@code i}; returns the offset after it. */
    private int value(int i) throws Failure {
        if (i >= s.length()) {
            throw new Failure(i, EXPECTING_VALUE);
        }
        char c = s.charAt(i);
        if (c == '"') {
            return string(i);
        }
        if (c == '{') {
            return object(i + 1);
        }
        if (c == '[') {
            return array(i + 1);
        }
        for (String literal : new String[]{"null", "true", "false", "NaN", "Infinity", "-Infinity"}) {
            if (s.startsWith(literal, i)) {
                return i + literal.length();
            }
        }
        if (number.region(i, s.length()).lookingAt()) {
            return number.end();
        }
        throw new Failure(i, EXPECTING_VALUE);
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
                    if (i + 6 > s.length() || !s.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
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

    private int object(int i) throws Failure {
        i = skipWhitespace(i);
        if (at(i, '}')) {
            return i + 1;
        }
        while (true) {
            if (!at(i, '"')) {
                throw new Failure(i, "Expecting property name enclosed in double quotes");
            }
            i = skipWhitespace(string(i));
            if (!at(i, ':')) {
                throw new Failure(i, "Expecting ':' delimiter");
            }
            i = skipWhitespace(value(skipWhitespace(i + 1)));
            if (at(i, '}')) {
                return i + 1;
            }
            if (!at(i, ',')) {
                throw new Failure(i, "Expecting ',' delimiter");
            }
            int comma = i;
            i = skipWhitespace(i + 1);
            if (at(i, '}')) {
                throw new Failure(comma, "Illegal trailing comma before end of object");
            }
        }
    }

    private int array(int i) throws Failure {
        i = skipWhitespace(i);
        if (at(i, ']')) {
            return i + 1;
        }
        while (true) {
            i = skipWhitespace(value(i));
            if (at(i, ']')) {
                return i + 1;
            }
            if (!at(i, ',')) {
                throw new Failure(i, "Expecting ',' delimiter");
            }
            int comma = i;
            i = skipWhitespace(i + 1);
            if (at(i, ']')) {
                throw new Failure(comma, "Illegal trailing comma before end of array");
            }
        }
    }
}

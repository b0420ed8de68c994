package dev.seatkeeper.platform;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks the request target as it arrived (still percent-encoded) before any runtime decodes it: every character is
 * one RFC 3986 allows unescaped (or non-ASCII), every escape is {@code %} and two hex digits, the decoded bytes are
 * UTF-8, and no NUL is hidden in it.
 * Servers that let such a target through (WildFly with {@code decode-url=false}) would otherwise hand it to a
 * runtime that fails on it with its own error page, and a NUL would reach the database (PostgreSQL refuses it).
 * Contract, "Edge behaviour": a malformed path is 404, a malformed query parameter 422.
 */
final class RequestTarget {
    private static final byte[] REPLACEMENT = "\uFFFD".getBytes(StandardCharsets.UTF_8);

    private RequestTarget() {}

    /**
     * Whether the raw path decodes to clean UTF-8 text and carries no path parameter ({@code ;}). The API has no
     * path parameters, and servers cut a {@code ;jsessionid=…} out of the path before routing: Payara serves
     * {@code POST /v1/customers/;jsessionid=1/members} as {@code POST /v1/customers/}, a route the caller never named.
     * Polar reads {@code ;} as part of the segment, which then names nothing.
     */
    static boolean readablePath(String rawPath) {
        return rawPath == null || rawPath.indexOf(';') < 0 && decodes(rawPath);
    }

    /**
     * The name of the first query parameter (as it arrived, or {@code "query"} when the name itself is unreadable)
     * whose name or value does not decode to clean UTF-8 text; empty when every one does.
     */
    static Optional<String> unreadableParameter(String rawQuery) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (!decodes(name)) {
                return Optional.of("query");
            }
            if (!decodes(value)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** ASCII characters RFC 3986 allows unescaped in a path or query (java.net.URI refuses the others). */
    private static final String ALLOWED = "-._~!$&'()*+,;=:@/?%";

    private static boolean decodes(String raw) {
        var bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return false;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c < 0x80 && !Character.isLetterOrDigit(c) && ALLOWED.indexOf(c) < 0) {
                return false;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // A raw non-ASCII character (the container's reading of unescaped bytes): not an escape to check.
                bytes.writeBytes(REPLACEMENT);
            }
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
            return text.indexOf('\0') < 0;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

package dev.seatkeeper.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The request id of the work in progress on this thread (contract, "Beyond Polar: audit trail"): the
 * {@code X-Request-Id} a caller sent, else one made here, echoed on the answer, written to the request's log line
 * ({@link RequestLog}, in the shape {@link #line} gives it) and to every seat history entry the request writes. A
 * scheduled action gets one of its own ({@link Scheduler}).
 *
 * <p>A thread-local rather than a request-scoped bean: the scheduler's threads have no request scope, and the
 * EJB calls that write history run on the thread of the request or the scheduled action.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** The longest id taken from a caller, in characters; a longer or unprintable one is replaced. */
    static final int MAX_LENGTH = 128;

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestIds() {}

    /** The current request's or scheduled action's id, or empty outside both. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Takes the caller's {@code X-Request-Id} when it is 1 to {@value #MAX_LENGTH} printable ASCII characters without
     * spaces (anything else could break the log line or the header it is echoed in), else makes one (a UUID), sets
     * it on the answer before anything else runs, and makes it {@link #current()} until {@link #end}.
     */
    static void begin(HttpServletRequest request, HttpServletResponse response) {
        String id = acceptable(request.getHeader(HEADER)) ? request.getHeader(HEADER) : made();
        CURRENT.set(id);
        response.setHeader(HEADER, id);
    }

    /** Forgets the request's id, once its answer is written and logged ({@link RequestLog}). */
    static void end() {
        CURRENT.remove();
    }

    /**
     * The request's log line: {@code METHOD /path STATUS 12.3 ms request_id=ID}, the path as {@link #loggablePath}
     * shows it. Built by hand rather than with {@link String#format}, whose parsing was a twentieth of the server's
     * CPU under a claim load (measured with JFR).
     *
     * @param nanos how long the request took, in nanoseconds; written in milliseconds with one decimal (rounded down)
     */
    static String line(String method, String path, int status, long nanos, String requestId) {
        long tenths = Math.max(0, nanos) / 100_000;
        return new StringBuilder(96)
                .append(loggable(method == null ? "" : method))
                .append(' ')
                .append(loggablePath(path))
                .append(' ')
                .append(status)
                .append(' ')
                .append(tenths / 10)
                .append('.')
                .append(tenths % 10)
                .append(" ms request_id=")
                .append(requestId)
                .toString();
    }

    /** Runs a scheduled action under an id of its own, so its history entries name the run they came from. */
    static <T> T runAs(String id, java.util.function.Supplier<T> action) {
        String previous = CURRENT.get();
        CURRENT.set(id);
        try {
            return action.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    static String made() {
        return Randomness.newId().toString();
    }

    static boolean acceptable(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        return id.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /**
     * The path as logged: at most 200 characters, and the claim routes' invitation token (a credential in the path:
     * {@code /v1/customer-seats/claim/{invitation_token}}) replaced, so the log never holds a usable token. The path
     * is logged as it arrived, still escaped, so the claim segment is looked for in its unescaped, lower-cased form:
     * a client that escapes a character of it ({@code %63laim}, {@code claim%2F...}) still sends a live token.
     */
    static String loggablePath(String path) {
        String logged = path == null ? "" : path;
        int claim = claimSegment(logged);
        if (claim >= 0) {
            logged = logged.substring(0, claim) + "/claim/{invitation_token}";
        }
        return loggable(logged.length() > 200 ? logged.substring(0, 200) + "…" : logged);
    }

    /**
     * The text with its control characters (C0, DEL, C1) and the Unicode line and paragraph separators
     * percent-escaped (their UTF-8 bytes): the container lets raw VT, FF, NUL or ESC through in a request target, and
     * these would split the log line for tools that read them as line breaks, or rewrite it on a terminal.
     */
    static String loggable(String text) {
        int first = 0;
        while (first < text.length() && !unloggable(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        var escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (unloggable(c)) {
                for (byte b : new String(Character.toChars(c)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    escaped.append('%').append(String.format("%02X", b & 0xff));
                }
            } else {
                escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }

    private static boolean unloggable(int c) {
        return Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
    }

    /** Where {@code /claim/} starts in the raw path once its escapes are read, case aside; -1 when it has none. */
    private static int claimSegment(String raw) {
        if (raw.indexOf('%') < 0) {
            // Nothing escaped (nearly every request): the segment is found where it stands, without a copy.
            for (int at = raw.indexOf('/'); at >= 0; at = raw.indexOf('/', at + 1)) {
                if (raw.regionMatches(true, at, "/claim/", 0, 7)) {
                    return at;
                }
            }
            return -1;
        }
        var unescaped = new StringBuilder(raw.length());
        int[] rawIndex = new int[raw.length()];
        for (int i = 0; i < raw.length(); i++) {
            int start = i;
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high >= 0 && low >= 0) {
                    c = (char) (high * 16 + low);
                    i += 2;
                }
            }
            rawIndex[unescaped.length()] = start;
            unescaped.append(Character.toLowerCase(c));
        }
        int at = unescaped.indexOf("/claim/");
        return at < 0 ? -1 : rawIndex[at];
    }
}

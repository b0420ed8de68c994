package dev.seatkeeper.payara;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Recognises a response head the server wrote without a body and builds the same answer with Seatkeeper's JSON error
 * body. The bodies are the application's own ({@code WEB-INF/error-bodies/NNN.json}, copied into this jar at build), so
 * an answer reads the same whether the application, the web container or the connector made it.
 */
final class BodilessAnswer {

    private BodilessAnswer() {}

    /**
     * Takes one write of the server in ISO-8859-1 bytes that ends with a blank line: optional interim heads
     * ({@code 100 Continue}), then one response head, then nothing or an empty chunked body ({@code 0\r\n\r\n}).
     * Returns the replacement (the interim heads unchanged, then the head with a JSON body) when that response is an
     * error (4xx, 5xx) or the empty {@code 200} of a path that failed to decode, and has no {@code Content-Type} and an
     * empty body; otherwise {@code null}, and the write goes out as it is.
     *
     * <p>A path that failed to decode (the empty 200, or {@code 400 Invalid URI}) becomes a 404, as the contract answers a
     * malformed path ("Edge behaviour"); a request line whose version is unreadable ({@code 505}, e.g. a raw space in
     * the path) becomes a 400, as the contract lets the server answer a request line it cannot read (never a 5xx).
     * Other statuses and their reason phrases are kept. The answer closes the connection: after such a request the
     * stream is not trusted, and a client that asked with {@code HEAD} must not read the body as the next answer.
     */
    static byte[] withJsonBody(byte[] written) {
        String text = new String(written, StandardCharsets.ISO_8859_1);
        int headStart = 0;
        int headEnd = text.indexOf("\r\n\r\n");
        while (headEnd > 0 && text.startsWith("HTTP/1.1 1", headStart)) {
            headStart = headEnd + 4;
            headEnd = text.indexOf("\r\n\r\n", headStart);
        }
        if (headEnd < 0) {
            return null;
        }
        String rest = text.substring(headEnd + 4);
        boolean chunked = rest.equals("0\r\n\r\n");
        if (!rest.isEmpty() && !chunked) {
            return null;
        }
        String[] lines = text.substring(headStart, headEnd).split("\r\n", -1);
        String[] statusLine = lines[0].split(" ", 3);
        int status = statusLine.length < 2 || !statusLine[1].matches("[0-9]{3}") ? 0 : Integer.parseInt(statusLine[1]);
        if (status != 200 && (status < 400 || status > 599)) {
            return null;
        }
        StringBuilder headers = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            String name = (colon < 0 ? line : line.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : line.substring(colon + 1).trim();
            boolean emptyBody = switch (name) {
                case "content-type" -> false;
                case "content-length" -> value.equals("0") && !chunked;
                case "transfer-encoding" -> value.equalsIgnoreCase("chunked") && chunked;
                default -> {
                    // "Connection" is replaced by "Connection: close" in the answer.
                    if (!name.equals("connection")) {
                        headers.append(line).append("\r\n");
                    }
                    yield true;
                }
            };
            if (!emptyBody) {
                return null;
            }
        }
        String interim = text.substring(0, headStart);
        String reason = statusLine.length > 2 ? statusLine[2] : "";
        if (status == 200 || reason.startsWith("Invalid URI")) {
            return answer(interim + statusLine[0], 404, "Not Found", headers);
        }
        if (status == 505) {
            return answer(interim + statusLine[0], 400, "Bad Request", headers);
        }
        return answer(interim + statusLine[0], status, reason, headers);
    }

    /**
     * The answer to a request whose handling failed in the connector before any response was written (Grizzly throws
     * while refusing some malformed requests, then closes the connection without a word): 400 JSON, closing.
     */
    static byte[] unreadableRequest() {
        return answer("HTTP/1.1", 400, "Bad Request", "");
    }

    /**
     * The answer to a request declaring a body over 1 MiB that the connector refuses itself ({@link OversizedBodyRoute}):
     * 413 with the application's {@code PayloadTooLarge} body, closing the connection.
     */
    static byte[] payloadTooLarge() {
        return answer("HTTP/1.1", 413, "Request Entity Too Large", "");
    }

    /**
     * The answer while the application is not deployed: 503 with the service's "starting or stopping" body and
     * {@code Retry-After: 5} (seconds), closing the connection; as ISO-8859-1 head and UTF-8 body bytes.
     */
    static byte[] notYetServing() {
        return answer("HTTP/1.1", 503, "Service Unavailable", "Retry-After: 5\r\n");
    }

    /** Takes what precedes the status code, the status, reason phrase and other header lines (each ending CRLF). */
    private static byte[] answer(String version, int status, String reason, CharSequence headers) {
        byte[] body = ErrorBodies.of(status);
        String head = version + " " + status + " " + reason + "\r\n"
                + headers
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] answer = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, answer, 0, headBytes.length);
        System.arraycopy(body, 0, answer, headBytes.length, body.length);
        return answer;
    }

    /** The JSON error bodies by status, read once from this jar. */
    static final class ErrorBodies {

        private static final byte[][] BODIES = new byte[600][];

        static {
            for (int status = 400; status < 600; status++) {
                BODIES[status] = read(status);
            }
        }

        private ErrorBodies() {}

        /** Takes a status (400–599); returns its JSON body (UTF-8), or that of 400 or 500 when it has none of its own. */
        static byte[] of(int status) {
            byte[] body = BODIES[status];
            if (body != null) {
                return body;
            }
            return BODIES[status < 500 ? 400 : 500];
        }

        private static byte[] read(int status) {
            try (InputStream in = BodilessAnswer.class.getResourceAsStream("error-bodies/" + status + ".json")) {
                if (in == null) {
                    return null;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

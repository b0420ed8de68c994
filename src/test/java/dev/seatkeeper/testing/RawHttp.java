package dev.seatkeeper.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 written byte for byte on a socket, for what an HTTP library refuses to send: malformed escapes, a body
 * on DELETE, a lying {@code Content-Length}, a body that trickles in. One request per connection, but for
 * {@link #sendInParts}.
 */
public final class RawHttp {
    private static final int PIECE_BYTES = 64 * 1024;

    private final String host;
    private final int port;
    private final String prefix;

    public RawHttp(URL deployment) {
        this.host = deployment.getHost();
        this.port = deployment.getPort();
        String path = deployment.getPath();
        this.prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A final answer: status, headers by lower-case name, and the body as text. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public boolean isJson() {
            return headers.getOrDefault("content-type", "").startsWith("application/json");
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** Sends {@code method target} (the target is put after the deployment's path as it is) with headers and body. */
    public Answer send(String method, String target, byte[] body, String... headers) {
        return send(method, target, body, body.length, 0, headers);
    }

    /**
     * The same, declaring {@code contentLength} (which may differ from what is sent) and, with {@code trickleMillis}
     * above zero, sending the body one byte at a time with that pause between bytes. Otherwise the body goes in
     * pieces of 64 KiB. Either way sending stops once an answer has begun to arrive, as curl does with an early
     * 413: the server does not read the rest of a body it has refused, and on Linux a close with unread bytes
     * resets the connection, which would make the next write fail.
     */
    public Answer send(
            String method, String target, byte[] body, long contentLength, long trickleMillis, String... headers) {
        var head = new StringBuilder(method)
                .append(' ')
                .append(prefix)
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(host)
                .append("\r\nConnection: close\r\n");
        if (contentLength >= 0) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            IOException writeFailed = null;
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                int piece = trickleMillis > 0 ? 1 : PIECE_BYTES;
                for (int from = 0; from < body.length && in.available() == 0; from += piece) {
                    out.write(body, from, Math.min(piece, body.length - from));
                    out.flush();
                    if (trickleMillis > 0) {
                        sleep(trickleMillis);
                    }
                }
            } catch (IOException e) {
                // The server answered early (413, 400) and closed while the body was still being sent; the answer
                // it wrote before closing is still there to read.
                writeFailed = e;
            }
            try {
                return read(in);
            } catch (IOException e) {
                if (writeFailed != null) {
                    e.addSuppressed(writeFailed);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no complete answer to " + method + " " + target, e);
        }
    }

    /**
     * Writes {@code parts} on one kept-alive connection, pausing {@code pauseMillis} between them, then reads
     * {@code answers} answers in order. The parts are sent as they are: each names its own target in full.
     */
    public List<Answer> sendInParts(int answers, long pauseMillis, byte[]... parts) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    sleep(pauseMillis);
                }
                out.write(parts[i]);
                out.flush();
            }
            var read = new ArrayList<Answer>();
            for (int i = 0; i < answers; i++) {
                read.add(read(socket.getInputStream()));
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException("no complete answers on one connection", e);
        }
    }

    /** The deployment's path, to put before a target in a request written by hand. */
    public String prefix() {
        return prefix;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Answer read(InputStream in) throws IOException {
        while (true) {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            var headers = new TreeMap<String, String>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            if (status < 200) {
                continue;
            }
            byte[] body;
            if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
                var all = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line(in).trim(), 16);
                        size > 0;
                        size = Integer.parseInt(line(in).trim(), 16)) {
                    all.write(in.readNBytes(size));
                    line(in);
                }
                body = all.toByteArray();
            } else if (headers.containsKey("content-length")) {
                body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else {
                body = in.readAllBytes();
            }
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        }
    }

    private static String line(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                bytes.write(b);
            }
        }
        if (b < 0 && bytes.size() == 0) {
            throw new IOException("connection closed before a complete answer");
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}

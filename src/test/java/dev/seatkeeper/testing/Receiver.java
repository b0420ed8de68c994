package dev.seatkeeper.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.BooleanSupplier;

/**
 * A real HTTP receiver for webhooks, in the test JVM on a loopback port: it records every POST (headers and body) and
 * answers each with the next scripted status, 200 once the script is used up.
 */
public final class Receiver implements AutoCloseable {
    /** One request as it arrived; header names in lower case. */
    public record Received(Map<String, List<String>> headers, String body) {
        public String header(String name) {
            var values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final LinkedBlockingDeque<Integer> script = new LinkedBlockingDeque<>();
    private volatile int afterScript = 200;

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = new java.util.TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
            received.add(new Received(headers, new String(body, StandardCharsets.UTF_8)));
            Integer scripted = script.poll();
            int status = scripted == null ? afterScript : scripted;
            byte[] answer = ("{\"received\":" + received.size() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** The URL to register: {@code http://127.0.0.1:<port>/hook}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next requests are answered with these statuses, in order. */
    public void answer(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    /** Once the script is used up, every request is answered with {@code status}. */
    public void thenAlways(int status) {
        afterScript = status;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits up to {@code timeout} for {@code condition}; returns whether it came true. */
    public static boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

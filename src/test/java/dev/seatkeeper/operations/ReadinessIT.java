package dev.seatkeeper.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the database (contract, "Operations"): the built microbundle runs against an H2 server in a
 * process of its own; stopping that process makes {@code /health/ready} DOWN, starting it again makes it UP, with
 * the service never restarted and {@code /health/live} UP throughout.
 */
class ReadinessIT {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration BOOT = Duration.ofSeconds(240);
    /** Pool validation runs at most every 5 s per connection (post-boot commands); this leaves room for it. */
    private static final Duration FOLLOW = Duration.ofSeconds(45);

    private static Path work;
    private static int databasePort;
    private static Process database;
    private static Process service;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        Path war = Path.of(System.getProperty("seatkeeper.war", "target/seatkeeper.war"))
                .toAbsolutePath();
        Path microbundle = war.resolveSibling("seatkeeper-microbundle.jar");
        work = war.resolveSibling("readiness-it");
        Files.createDirectories(work.resolve("h2"));
        Files.createDirectories(work.resolve("service"));
        databasePort = freePort(9300, 9399);
        database = startDatabase();
        int httpPort = freePort(8300, 8399);
        base = "http://127.0.0.1:" + httpPort;
        var command = new ProcessBuilder(
                        java(),
                        "-Xmx512m",
                        "-jar",
                        microbundle.toString(),
                        "--port",
                        String.valueOf(httpPort),
                        "--nohazelcast",
                        "--disablephonehome")
                .directory(work.resolve("service").toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("service.log").toFile());
        var env = command.environment();
        env.put("SEATKEEPER_ADMIN_TOKEN", "readiness-operator");
        env.put("SEATKEEPER_SECRET", "readiness-secret");
        env.put("SEATKEEPER_DB_URL", "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/seatkeeper;LOCK_TIMEOUT=10000");
        service = command.start();
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (status("/health/ready") != 200) {
            if (!service.isAlive() || System.nanoTime() > deadline) {
                fail("The microbundle did not become ready within " + BOOT + "; see " + work.resolve("service.log"));
            }
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process process : new Process[] {service, database}) {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    @Test
    void readinessGoesDownWithTheDatabaseAndUpWhenItIsBack() throws Exception {
        assertEquals(200, status("/health/live"));
        var ready = get("/health/ready");
        assertEquals(200, ready.statusCode());
        assertTrue(ready.body().contains("\"UP\""), ready.body());

        database.destroy();
        assertTrue(database.waitFor(30, TimeUnit.SECONDS), "the database process did not stop");
        var down = awaitStatus("/health/ready", 503);
        assertTrue(down.body().contains("\"DOWN\""), down.body());
        assertNoInternals(down.body());
        assertEquals(200, status("/health/live"), "liveness does not depend on the database");
        assertEquals(200, status("/health/started"));

        database = startDatabase();
        var up = awaitStatus("/health/ready", 200);
        assertTrue(up.body().contains("\"UP\""), up.body());
        assertEquals(200, status("/health/live"));
        // Ready means served: the API reaches the database again through the same pool.
        var created = CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/organizations/"))
                        .header("Authorization", "Bearer readiness-operator")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"Ready\",\"slug\":\"ready-" + System.nanoTime() + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
    }

    /** Health is public: it says UP or DOWN and which check, never a URL, a driver or an exception. */
    /**
     * The server log holds one line per request with its request id (contract, "Beyond Polar: audit trail"), written
     * within a moment of the answer, and never a claim path's invitation token.
     */
    @Test
    void eachRequestIsLoggedWithItsRequestIdAndNoInvitationToken() throws Exception {
        String id = "log-check-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        var answer = CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/customer-seats/claim/skinv_logcheck_secret"))
                        .header("X-Request-Id", id)
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(id, answer.headers().firstValue("X-Request-Id").orElse(null));
        var line = java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z GET \\S*/v1/customer-seats/claim/"
                + "\\{invitation_token\\} " + answer.statusCode() + " \\d+\\.\\d ms request_id=" + id);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String log = "";
        while (System.nanoTime() < deadline && !line.matcher(log).find()) {
            Thread.sleep(100);
            log = Files.readString(work.resolve("service.log"));
        }
        assertTrue(line.matcher(log).find(), "no request line for " + id + " in " + work.resolve("service.log"));
        assertFalse(log.contains("skinv_logcheck_secret"), "the invitation token reached the log");
    }

    private static void assertNoInternals(String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        for (String internal : List.of("jdbc", "h2", "exception", "sql", "127.0.0.1", String.valueOf(databasePort))) {
            assertFalse(lower.contains(internal), "health names '" + internal + "': " + body);
        }
    }

    private static HttpResponse<String> awaitStatus(String path, int expected) throws Exception {
        long deadline = System.nanoTime() + FOLLOW.toNanos();
        HttpResponse<String> last = get(path);
        while (last.statusCode() != expected) {
            if (System.nanoTime() > deadline) {
                fail(path + " stayed " + last.statusCode() + " " + last.body() + " for " + FOLLOW + ", expected "
                        + expected);
            }
            Thread.sleep(500);
            last = get(path);
        }
        return last;
    }

    private static int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** H2's TCP server in its own JVM, its files under the test's directory, so they outlive a stop. */
    private static Process startDatabase() throws Exception {
        String h2Jar = new File(Server.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .getPath();
        Process process = new ProcessBuilder(
                        java(),
                        "-cp",
                        h2Jar,
                        "org.h2.tools.Server",
                        "-tcp",
                        "-tcpPort",
                        String.valueOf(databasePort),
                        "-ifNotExists",
                        "-baseDir",
                        work.resolve("h2").toString())
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(work.resolve("h2.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!listening(databasePort)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                fail("The H2 server did not start on port " + databasePort + "; see " + work.resolve("h2.log"));
            }
            Thread.sleep(200);
        }
        return process;
    }

    private static boolean listening(int port) {
        try (var socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A free port in the range, starting at a random place so that parallel runs rarely meet. */
    private static int freePort(int from, int to) {
        int span = to - from + 1;
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = from + (start + i) % span;
            try (var socket = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IllegalStateException("No free port in " + from + "-" + to);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

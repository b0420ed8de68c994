package dev.seatkeeper.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.testing.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The upgrade of issue 9: the database the previous release created by JPA schema generation, with seats in it
 * (src/test/resources/upgrade, made by src/test/upgrade/make-fixture.sh from commit 5f105a4), is opened by this
 * release's microbundle, which migrates it at start-up; every seat is still there, and the pending ones can be
 * claimed with the invitation tokens that release issued. Not an Arquillian test: the server is the built
 * {@code target/seatkeeper-microbundle.jar}, started with {@code java -jar} on an H2 file loaded from the dump.
 */
class SchemaUpgradeIT {
    private static final Duration STARTUP = Duration.ofSeconds(300);
    private static final Properties FIXTURE = new Properties();
    private static Path work;
    private static Path database;
    private static Process server;
    private static Api api;

    @BeforeAll
    static void startOnThePreviousReleasesDatabase() throws Exception {
        try (Reader in = Files.newBufferedReader(Path.of("src/test/resources/upgrade/fixture.properties"))) {
            FIXTURE.load(in);
        }
        work = Files.createTempDirectory("seatkeeper-upgrade-");
        database = work.resolve("seatkeeper");
        try (var c = DriverManager.getConnection("jdbc:h2:file:" + database, "sa", "sa")) {
            c.createStatement()
                    .execute("RUNSCRIPT FROM '"
                            + Path.of("src/test/resources/upgrade/previous-release.sql")
                                    .toAbsolutePath() + "'");
        }
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path jar = Path.of(System.getProperty("seatkeeper.microbundle", "target/seatkeeper-microbundle.jar"));
        var builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx512m",
                        "-jar",
                        jar.toAbsolutePath().toString(),
                        "--port",
                        String.valueOf(port),
                        "--nohazelcast",
                        "--disablephonehome")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SEATKEEPER_DB_URL", "jdbc:h2:file:" + database + ";LOCK_TIMEOUT=10000");
        // The secret the previous release hashed its tokens with: the fixture's tokens must still be recognized.
        env.put("SEATKEEPER_SECRET", FIXTURE.getProperty("secret"));
        env.put("SEATKEEPER_ADMIN_TOKEN", "upgrade-test-operator");
        env.put("SEATKEEPER_DATA_DIR", work.resolve("data").toString());
        server = builder.start();
        api = new Api(new URL("http://127.0.0.1:" + port + "/"));
        awaitServing();
    }

    private static void awaitServing() throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited during start-up:\n" + serverLog());
            }
            try {
                if (api.get("/v1/customers/", null).status() == 401) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // connection refused while the server starts
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not serve within " + STARTUP + ":\n" + serverLog());
    }

    @AfterAll
    static void stopAndRemove() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String serverLog() throws IOException {
        var lines = Files.readAllLines(work.resolve("server.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static String fixture(String key) {
        return FIXTURE.getProperty(key);
    }

    /** Seat id to status, as the organization's backend lists them for a subscription or an order. */
    private static Map<String, String> seats(String container, String id) {
        var reply = api.get("/v1/customer-seats?" + container + "=" + id, fixture("organization_token"));
        assertEquals(200, reply.status(), reply.toString());
        Map<String, String> statuses = new TreeMap<>();
        reply.array("seats")
                .forEach(s -> statuses.put(
                        s.asJsonObject().getString("id"), s.asJsonObject().getString("status")));
        return statuses;
    }

    private static Api.Reply claim(String token) {
        return api.post(
                "/v1/customer-seats/claim",
                null,
                Json.createObjectBuilder().add("invitation_token", token).build());
    }

    @Test
    void everySeatOfThePreviousReleaseIsStillThereAndThePendingOnesCanBeClaimed() throws SQLException {
        assertEquals(
                new TreeMap<>(Map.of(
                        fixture("pending_seat_id"), "pending",
                        fixture("claimed_seat_id"), "claimed",
                        fixture("revoked_seat_id"), "revoked")),
                seats("subscription_id", fixture("subscription_id")));
        assertEquals(Map.of(fixture("order_pending_seat_id"), "pending"), seats("order_id", fixture("order_id")));

        // The holder's session from before the upgrade still works.
        assertEquals(
                200,
                api.get("/v1/customer-portal/customer-session/introspect", fixture("claimed_holder_session"))
                        .status());

        var info = api.get("/v1/customer-seats/claim/" + fixture("pending_invitation_token"), null);
        assertEquals(200, info.status(), info.toString());
        assertTrue(info.json().getBoolean("can_claim"), info.toString());
        for (String key : new String[] {"pending_invitation_token", "order_pending_invitation_token"}) {
            var claimed = claim(fixture(key));
            assertEquals(200, claimed.status(), claimed.toString());
            JsonObject seat = claimed.json().getJsonObject("seat");
            assertEquals("claimed", seat.getString("status"));
            String session = claimed.string("customer_session_token");
            assertEquals(
                    200,
                    api.get("/v1/customer-portal/customer-session/introspect", session)
                            .status());
            assertNotEquals(200, claim(fixture(key)).status(), "an invitation is claimed once");
        }
        assertEquals(
                "claimed", seats("subscription_id", fixture("subscription_id")).get(fixture("pending_seat_id")));
        assertEquals("claimed", seats("order_id", fixture("order_id")).get(fixture("order_pending_seat_id")));

        // The migrated database takes new seats too.
        var assigned = api.post(
                "/v1/customer-seats",
                fixture("organization_token"),
                Json.createObjectBuilder()
                        .add("subscription_id", fixture("subscription_id"))
                        .add("email", "new@upgrade.example")
                        .build());
        assertEquals(200, assigned.status(), assigned.toString());
        assertEquals(4, seats("subscription_id", fixture("subscription_id")).size());
    }
}

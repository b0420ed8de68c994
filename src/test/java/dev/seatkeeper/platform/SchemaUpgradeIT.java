package dev.seatkeeper.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import dev.seatkeeper.testing.Api;
import dev.seatkeeper.testing.Receiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Start-ups of the built microbundle on data and settings of the operator's own. The upgrade of issue 9: the database
 * the previous release created by JPA schema generation, with seats in it (src/test/resources/upgrade, made by
 * src/test/upgrade/make-fixture.sh from commit 5f105a4), brought to schema version 3 with the webhook endpoint the
 * release of that schema made in it (make-webhook-fixture.sh, commit e3199ff), is opened by this release's
 * microbundle, which migrates it at start-up; every seat is still there, the pending ones can be claimed with the
 * invitation tokens that release issued, and the endpoint keeps its secret and Polar's legacy signature (contract,
 * "Events (webhooks)"). (That the JPA-era database itself is adopted at version 1 is SchemaMigratorTest's.) And a
 * default API version outside the served ones stops the start-up (contract, "API versions"). Not an Arquillian test:
 * the server is the built {@code target/seatkeeper-microbundle.jar}, started with {@code java -jar}.
 */
class SchemaUpgradeIT {
    private static final Duration STARTUP = Duration.ofSeconds(300);
    private static final Properties FIXTURE = new Properties();
    private static final Properties ENDPOINT_FIXTURE = new Properties();
    private static final String OPERATOR_TOKEN = "upgrade-test-operator";
    private static Path work;
    private static Path database;
    private static Process server;
    private static Api api;
    private static Receiver receiver;
    private static String organizationId;

    @BeforeAll
    static void startOnThePreviousReleasesDatabase() throws Exception {
        try (Reader in = Files.newBufferedReader(Path.of("src/test/resources/upgrade/fixture.properties"))) {
            FIXTURE.load(in);
        }
        try (Reader in = Files.newBufferedReader(Path.of("src/test/resources/upgrade/webhook-endpoint.properties"))) {
            ENDPOINT_FIXTURE.load(in);
        }
        receiver = new Receiver();
        work = Files.createTempDirectory("seatkeeper-upgrade-");
        database = work.resolve("seatkeeper");
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + database);
        dataSource.setUser("sa");
        dataSource.setPassword("sa");
        try (var c = dataSource.getConnection()) {
            c.createStatement()
                    .execute("RUNSCRIPT FROM '"
                            + Path.of("src/test/resources/upgrade/previous-release.sql")
                                    .toAbsolutePath() + "'");
        }
        // The release of schema version 3 ran the same migrations on it before it made the endpoint.
        SchemaMigrator.migrate(
                dataSource, MigrationVersion.fromVersion(ENDPOINT_FIXTURE.getProperty("schema_version")));
        try (var c = dataSource.getConnection()) {
            c.createStatement().execute(Files.readString(Path.of("src/test/resources/upgrade/webhook-endpoint.sql")));
            // The endpoint was made for a receiver long gone; it now points at this test's.
            try (var update = c.prepareStatement("UPDATE webhook_endpoints SET url = ? WHERE id = ?")) {
                update.setString(1, receiver.url());
                update.setString(2, ENDPOINT_FIXTURE.getProperty("endpoint_id"));
                assertEquals(1, update.executeUpdate());
            }
            try (var rs = c.createStatement().executeQuery("SELECT organization_id FROM webhook_endpoints")) {
                rs.next();
                organizationId = rs.getString(1);
            }
        }
        // The secret the previous release hashed its tokens with: the fixture's tokens must still be recognized.
        var started = start(
                "server.log",
                Map.of(
                        "SEATKEEPER_DB_URL", "jdbc:h2:file:" + database + ";LOCK_TIMEOUT=10000",
                        "SEATKEEPER_SECRET", FIXTURE.getProperty("secret"),
                        "SEATKEEPER_DATA_DIR", work.resolve("data").toString()));
        server = started.process();
        int port = started.port();
        api = new Api(new URL("http://127.0.0.1:" + port + "/"));
        awaitServing();
    }

    /** A started microbundle and its HTTP port. */
    private record Microbundle(Process process, int port) {}

    /**
     * Starts the built microbundle in the work directory with the operator token and {@code settings} as environment
     * variables, its output in {@code logName} there.
     */
    private static Microbundle start(String logName, Map<String, String> settings) throws IOException {
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
                .redirectOutput(work.resolve(logName).toFile());
        builder.environment().put("SEATKEEPER_ADMIN_TOKEN", OPERATOR_TOKEN);
        builder.environment().putAll(settings);
        return new Microbundle(builder.start(), port);
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
        stop(server);
        if (receiver != null) {
            receiver.close();
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void stop(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String serverLog() throws IOException {
        return tail(work.resolve("server.log"));
    }

    private static String tail(Path log) throws IOException {
        var lines = Files.readAllLines(log);
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

    @Test
    void anEndpointOfTheEarlierReleaseKeepsItsSecretAndIsSignedTheLegacyWayAlone() {
        var token = api.post(
                "/v1/organization-access-tokens/",
                OPERATOR_TOKEN,
                Json.createObjectBuilder()
                        .add("organization_id", organizationId)
                        .add("comment", "upgrade test")
                        .add("scopes", Json.createArrayBuilder().add("webhooks:read"))
                        .build());
        assertEquals(201, token.status(), token.toString());
        String webhooks = token.string("token");
        var endpoint = api.get("/v1/webhooks/endpoints/" + ENDPOINT_FIXTURE.getProperty("endpoint_id"), webhooks);
        assertEquals(200, endpoint.status(), endpoint.toString());
        String secret = ENDPOINT_FIXTURE.getProperty("endpoint_secret");
        assertEquals(secret, endpoint.string("secret"), "the secret the earlier release gave it");
        assertFalse(endpoint.json().getBoolean("uses_standard_webhook_signature"));
        assertEquals("2026-04", endpoint.string("api_version"), "the payloads it was receiving");

        // A subscription of its own, so that the other test finds the fixture's containers as they were.
        String oat = fixture("organization_token");
        var product = api.post(
                "/v1/products/",
                oat,
                Api.json("{\"name\": \"Webhooks\", \"recurring_interval\": \"month\", \"prices\": [{\"amount_type\":"
                        + " \"seat_based\", \"price_currency\": \"usd\", \"seat_tiers\": {\"tiers\":"
                        + " [{\"min_seats\": 1, \"price_per_seat\": 1000}]}}]}"));
        assertEquals(201, product.status(), product.toString());
        var customer = api.post(
                "/v1/customers/",
                oat,
                Json.createObjectBuilder().add("email", "hooks@upgrade.example").build());
        assertEquals(201, customer.status(), customer.toString());
        var subscription = api.post(
                "/v1/subscriptions/",
                oat,
                Json.createObjectBuilder()
                        .add("product_id", product.string("id"))
                        .add("customer_id", customer.string("id"))
                        .add("seats", 2)
                        .build());
        assertEquals(201, subscription.status(), subscription.toString());
        var seat = api.post(
                "/v1/customer-seats",
                oat,
                Json.createObjectBuilder()
                        .add("subscription_id", subscription.string("id"))
                        .add("email", "webhook@upgrade.example")
                        .build());
        assertEquals(200, seat.status(), seat.toString());
        String seatId = seat.string("id");
        assertTrue(
                Receiver.await(
                        Duration.ofSeconds(30),
                        () -> receiver.received().stream()
                                .anyMatch(r -> r.body().contains(seatId))),
                "the event arrives");
        var request = receiver.received().stream()
                .filter(r -> r.body().contains(seatId))
                .findFirst()
                .orElseThrow();
        String signatures = request.header("webhook-signature");
        assertEquals(1, signatures.split(" ").length, "the legacy signature alone: " + signatures);
        var headers = Map.of(
                "webhook-id", List.of(request.header("webhook-id")),
                "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                "webhook-signature", List.of(signatures));
        assertDoesNotThrow(
                () -> new Webhook(secret.getBytes(StandardCharsets.UTF_8)).verify(request.body(), headers),
                "verifies with the whole secret, as SDK 0.49.0 does");
        assertThrows(
                Exception.class,
                () -> new Webhook(secret.getBytes(StandardCharsets.UTF_8)).verify(request.body() + " ", headers),
                "a changed body does not verify");
        var body = Api.json(request.body());
        assertEquals("customer_seat.assigned", body.getString("type"));
        assertEquals("2026-04", body.getString("api_version"));
        assertEquals(seatId, body.getJsonObject("data").getString("id"));
    }

    @Test
    void aDefaultVersionOutsideTheServedOnesStopsTheStartUp() throws Exception {
        Path log = work.resolve("refused.log");
        var started = start(
                "refused.log",
                Map.of(
                        "SEATKEEPER_DB_URL", "jdbc:h2:mem:refused;DB_CLOSE_DELAY=-1",
                        "SEATKEEPER_SECRET", "refused-start-secret",
                        "SEATKEEPER_DATA_DIR", work.resolve("refused-data").toString(),
                        "SEATKEEPER_API_VERSIONS", "2026-04,2026-10",
                        "SEATKEEPER_API_VERSION_DEFAULT", "2027-01"));
        Process refused = started.process();
        int port = started.port();
        try {
            String message = "SEATKEEPER_API_VERSION_DEFAULT '2027-01' is not one of the served versions"
                    + " SEATKEEPER_API_VERSIONS=2026-04,2026-10";
            Instant deadline = Instant.now().plus(STARTUP);
            // Payara Micro reports the failed deployment and then lists what it deployed: nothing.
            while (Instant.now().isBefore(deadline)
                    && refused.isAlive()
                    && !Files.readString(log).contains("Payara Micro URLs")) {
                Thread.sleep(500);
            }
            String output = Files.readString(log);
            assertTrue(output.contains(message), "the start-up names the setting:\n" + tail(log));
            assertTrue(output.contains("Exception while loading the app"), tail(log));
            if (refused.isAlive()) {
                var reply = new Api(new URL("http://127.0.0.1:" + port + "/")).get("/v1/customers/", null);
                assertEquals(404, reply.status(), "the service is not deployed: " + reply);
                assertFalse(reply.headers().firstValue("polar-version").isPresent(), reply.toString());
            }
        } finally {
            stop(refused);
        }
    }
}

package dev.seatkeeper.seats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.testing.Api;
import dev.seatkeeper.testing.Concurrently;
import dev.seatkeeper.testing.EntitlementVerifier;
import dev.seatkeeper.testing.Fixtures;
import dev.seatkeeper.testing.Receiver;
import jakarta.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two microbundles (target/seatkeeper-microbundle.jar) on one PostgreSQL database, sharing SEATKEEPER_SECRET and
 * the operator token, behave as one service (../shared/CONTRACT.md, "Operations": capacity exact, a token claimed
 * once; issue 9: a session from one works on the other, a revoke on one ends sessions on the other; scheduled work,
 * idle-seat warnings and reclaims among it, happens once). Requests of
 * one race go to both instances in turn. Run by the {@code postgresql} Maven profile, which sets SEATKEEPER_DB_URL,
 * _USER and _PASSWORD; the instances take ports from 8200-8299.
 */
class TwoInstancesIT {
    private static final Duration STARTUP = Duration.ofSeconds(Long.getLong("seatkeeper.test.startupSeconds", 300));
    private static final List<Process> SERVERS = new ArrayList<>();
    private static final List<Path> LOGS = new ArrayList<>();
    private static Api first;
    private static Api second;
    private static Fixtures fixtures;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        String url = System.getenv("SEATKEEPER_DB_URL");
        assertTrue(
                url != null && url.startsWith("jdbc:postgresql:"),
                "TwoInstancesIT needs SEATKEEPER_DB_URL=jdbc:postgresql://... (mvn -Dseatkeeper.test.postgresql=...), got "
                        + url);
        String secret = "two-instances-" + UUID.randomUUID();
        Path work = Files.createDirectories(Path.of("target", "two-instances"));
        int portA = freePort(8200);
        int portB = freePort(portA + 1);
        first = new Api(start(work, "a", portA, secret));
        second = new Api(start(work, "b", portB, secret));
        awaitReady(0, first);
        awaitReady(1, second);
        fixtures = new Fixtures(first);
    }

    @AfterAll
    static void stopInstances() throws InterruptedException {
        SERVERS.forEach(Process::destroy);
        for (Process server : SERVERS) {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void fortyConcurrentClaimsOfOneTokenOverBothInstancesSucceedOnce() throws Exception {
        var shop = shop(5);
        String token = fixtures.assign(shop.tenant(), shop.subscriptionId(), Fixtures.email("race"))
                .getString("invitation_token");
        String body = Json.createObjectBuilder()
                .add("invitation_token", token)
                .build()
                .toString();
        List<Api.Reply> replies = Concurrently.run(40, i -> instance(i).post("/v1/customer-seats/claim", null, body));
        assertEquals(1, replies.stream().filter(r -> r.status() == 200).count(), replies.toString());
        assertAllOthersAreJsonClientErrors(replies, 39);
        var seats = second.get(
                        "/v1/customer-seats?subscription_id=" + shop.subscriptionId(),
                        shop.tenant().token())
                .json();
        assertEquals(1, seats.getJsonArray("seats").size());
        assertEquals("claimed", seats.getJsonArray("seats").getJsonObject(0).getString("status"));
    }

    @Test
    void thirtyConcurrentAssignsOverBothInstancesFillFiveSeatsExactly() throws Exception {
        var shop = shop(5);
        List<Api.Reply> replies = Concurrently.run(
                30,
                i -> instance(i)
                        .post(
                                "/v1/customer-seats",
                                shop.tenant().token(),
                                Json.createObjectBuilder()
                                        .add("subscription_id", shop.subscriptionId())
                                        .add("email", Fixtures.email("crowd"))
                                        .build()));
        assertEquals(5, replies.stream().filter(r -> r.status() == 200).count(), replies.toString());
        assertAllOthersAreJsonClientErrors(replies, 25);
        for (Api api : List.of(first, second)) {
            var listed = api.get(
                            "/v1/customer-seats?subscription_id=" + shop.subscriptionId(),
                            shop.tenant().token())
                    .json();
            assertEquals(5, listed.getJsonArray("seats").size());
            assertEquals(0, listed.getInt("available_seats"));
        }
    }

    @Test
    void aPortalSessionMadeOnOneInstanceWorksOnTheOther() {
        var shop = shop(3);
        String session = fixtures.session(shop.tenant(), shop.customerId()).getString("token");
        var introspected = second.get("/v1/customer-portal/customer-session/introspect", session);
        assertEquals(200, introspected.status(), introspected.toString());
        var seats = second.get("/v1/customer-portal/seats?subscription_id=" + shop.subscriptionId(), session);
        assertEquals(200, seats.status(), seats.toString());
        assertEquals(3, seats.json().getInt("total_seats"));
    }

    @Test
    void aSeatRevokedOnOneInstanceEndsTheHoldersSessionOnTheOther() {
        var shop = shop(3);
        var seat = fixtures.assign(shop.tenant(), shop.subscriptionId(), Fixtures.email("holder"));
        String holder = fixtures.claim(seat.getString("invitation_token")).getString("customer_session_token");
        assertEquals(
                200,
                second.get("/v1/customer-portal/customer-session/introspect", holder)
                        .status());

        var revoked = second.delete(
                "/v1/customer-seats/" + seat.getString("id"), shop.tenant().token());
        assertEquals(200, revoked.status(), revoked.toString());
        assertEquals("revoked", revoked.string("status"));

        for (Api api : List.of(first, second)) {
            var after = api.get("/v1/customer-portal/customer-session/introspect", holder);
            assertEquals(401, after.status(), after.toString());
        }
    }

    @Test
    void eachWebhookEventIsSentOnceThoughBothInstancesDeliver() throws Exception {
        var tenant = fixtures.tenant(true, true, Fixtures.ALL_SCOPES_WITH_WEBHOOKS);
        String productId = fixtures.product(tenant, "month").getString("id");
        String customerId = fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
        String subscriptionId =
                fixtures.subscription(tenant, productId, customerId, 30).getString("id");
        try (var receiver = new Receiver()) {
            var endpoint = first.post(
                    "/v1/webhooks/endpoints",
                    tenant.token(),
                    Json.createObjectBuilder()
                            .add("url", receiver.url())
                            .add("format", "raw")
                            .add("events", Json.createArrayBuilder().add("customer_seat.assigned"))
                            .build());
            assertEquals(201, endpoint.status(), endpoint.toString());
            List<Api.Reply> replies = Concurrently.run(
                    20,
                    i -> instance(i)
                            .post(
                                    "/v1/customer-seats",
                                    tenant.token(),
                                    Json.createObjectBuilder()
                                            .add("subscription_id", subscriptionId)
                                            .add("email", Fixtures.email("hooked"))
                                            .build()));
            assertEquals(20, replies.stream().filter(r -> r.status() == 200).count(), replies.toString());
            assertTrue(Receiver.await(
                    Duration.ofSeconds(60), () -> receiver.received().size() >= 20));
            Thread.sleep(2000); // Room for a second attempt of any event, which must not come.
            var ids = receiver.received().stream()
                    .map(r -> r.header("webhook-id"))
                    .toList();
            assertEquals(20, ids.size(), "each event arrived once: " + ids);
            assertEquals(20, ids.stream().distinct().count());
        }
    }

    @Test
    void bothInstancesRunTheSchedulerAndEachDueActionHappensOnce() throws Exception {
        try (var receiver = new Receiver()) {
            var tenant = fixtures.tenant(true, true, Fixtures.ALL_SCOPES_WITH_WEBHOOKS);
            var endpoint = first.post(
                    "/v1/webhooks/endpoints",
                    tenant.token(),
                    Json.createObjectBuilder()
                            .add("url", receiver.url())
                            .add("format", "raw")
                            .add(
                                    "events",
                                    Json.createArrayBuilder()
                                            .add("subscription.cycled")
                                            .add("customer_seat.revoked"))
                            .build());
            assertEquals(201, endpoint.status(), endpoint.toString());
            String productId = fixtures.product(tenant, "month").getString("id");
            String customerId =
                    fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
            var firstEnd = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(2).minusHours(1);
            var subscriptions = new ArrayList<String>();
            var seats = new ArrayList<String>();
            for (int i = 0; i < 4; i++) {
                var sub = first.post(
                        "/v1/subscriptions/",
                        tenant.token(),
                        Json.createObjectBuilder()
                                .add("product_id", productId)
                                .add("customer_id", customerId)
                                .add("seats", 3)
                                .add("current_period_end", firstEnd.toString())
                                .build());
                assertEquals(201, sub.status(), sub.toString());
                subscriptions.add(sub.string("id"));
            }
            String live =
                    fixtures.subscription(tenant, productId, customerId, 5).getString("id");
            // Far enough ahead that the four assigns and schedules below are made before it, on a loaded machine too.
            String at = OffsetDateTime.now(ZoneOffset.UTC)
                    .plusSeconds(15)
                    .toString()
                    .replace("+", "%2B");
            for (int i = 0; i < 4; i++) {
                String seat =
                        fixtures.assign(tenant, live, Fixtures.email("leaver")).getString("id");
                assertEquals(
                        200,
                        instance(i)
                                .delete("/v1/customer-seats/" + seat + "?at=" + at, tenant.token())
                                .status());
                seats.add(seat);
            }
            // 4 subscriptions three periods behind roll 3 times each; 4 seats are revoked once each.
            assertTrue(Receiver.await(
                    Duration.ofSeconds(60), () -> receiver.received().size() >= 16));
            Thread.sleep(3000); // a few more rounds of both schedulers: nothing more may come
            var bodies =
                    receiver.received().stream().map(r -> Api.json(r.body())).toList();
            assertEquals(16, bodies.size(), bodies.toString());
            for (String id : subscriptions) {
                var got = second.get("/v1/subscriptions/" + id, tenant.token()).json();
                assertEquals(
                        firstEnd.plusMonths(3).toInstant().toEpochMilli(),
                        OffsetDateTime.parse(got.getString("current_period_end"))
                                .toInstant()
                                .toEpochMilli(),
                        "rolled exactly three times: " + got);
            }
            for (String seat : seats) {
                assertEquals(
                        1,
                        bodies.stream()
                                .filter(b -> b.getString("type").equals("customer_seat.revoked"))
                                .filter(b ->
                                        b.getJsonObject("data").getString("id").equals(seat))
                                .count());
            }
        }
    }

    /**
     * Idle seats on two instances (contract, "Beyond Polar: activity and reclaim of idle seats": the scheduler acts
     * once across instances): both schedulers race for every warning and every reclaim, and each seat gets one
     * {@code customer_seat.inactivity_warning} and one {@code customer_seat.revoked}, revoked with reason
     * {@code inactivity}. The microbundles carry no test-support routes, so the seats are made idle through the
     * activity route with a time 30 days back; {@code warn_days_before} 0 revokes at the run after the warning.
     */
    @Test
    void bothInstancesWarnAndReclaimEachIdleSeatOnce() throws Exception {
        try (var receiver = new Receiver()) {
            var tenant = fixtures.tenant(true, true, Fixtures.ALL_SCOPES_WITH_WEBHOOKS);
            var endpoint = first.post(
                    "/v1/webhooks/endpoints",
                    tenant.token(),
                    Json.createObjectBuilder()
                            .add("url", receiver.url())
                            .add("format", "raw")
                            .add(
                                    "events",
                                    Json.createArrayBuilder()
                                            .add("customer_seat.inactivity_warning")
                                            .add("customer_seat.revoked"))
                            .build());
            assertEquals(201, endpoint.status(), endpoint.toString());
            String productId = fixtures.product(tenant, "month").getString("id");
            String customerId =
                    fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
            String subscriptionId =
                    fixtures.subscription(tenant, productId, customerId, 6).getString("id");
            var seats = new ArrayList<String>();
            var items = Json.createArrayBuilder();
            String monthAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(30).toString();
            for (int i = 0; i < 6; i++) {
                String seat = fixtures.claim(fixtures.assign(tenant, subscriptionId, Fixtures.email("idle"))
                                .getString("invitation_token"))
                        .getJsonObject("seat")
                        .getString("id");
                seats.add(seat);
                items.add(Json.createObjectBuilder().add("seat_id", seat).add("at", monthAgo));
            }
            var reported = second.post(
                    "/v1/customer-seats/activity",
                    tenant.token(),
                    Json.createObjectBuilder().add("items", items).build());
            assertEquals(200, reported.status(), reported.toString());
            assertEquals(6, reported.json().getInt("accepted"), reported.toString());

            var policy = first.patch(
                    "/v1/organizations/" + tenant.organizationId(),
                    Fixtures.OPERATOR,
                    Json.createObjectBuilder()
                            .add(
                                    "feature_settings",
                                    Json.createObjectBuilder()
                                            .add(
                                                    "seat_reclaim",
                                                    Json.createObjectBuilder()
                                                            .add("enabled", true)
                                                            .add("inactive_after_days", 7)
                                                            .add("warn_days_before", 0)))
                            .build());
            assertEquals(200, policy.status(), policy.toString());

            // 6 warnings, then 6 reclaims.
            assertTrue(Receiver.await(
                    Duration.ofSeconds(60), () -> receiver.received().size() >= 12));
            Thread.sleep(3000); // a few more rounds of both schedulers: nothing more may come
            var bodies =
                    receiver.received().stream().map(r -> Api.json(r.body())).toList();
            assertEquals(12, bodies.size(), bodies.toString());
            for (String seat : seats) {
                for (String type : List.of("customer_seat.inactivity_warning", "customer_seat.revoked")) {
                    assertEquals(
                            1,
                            bodies.stream()
                                    .filter(b -> b.getString("type").equals(type))
                                    .filter(b -> b.getJsonObject("data")
                                            .getString("id")
                                            .equals(seat))
                                    .count(),
                            type + " of " + seat + ": " + bodies);
                }
            }
            for (Api api : List.of(first, second)) {
                var stored = api.get("/v1/customer-seats?subscription_id=" + subscriptionId, tenant.token())
                        .json()
                        .getJsonArray("seats")
                        .getValuesAs(jakarta.json.JsonObject.class);
                assertEquals(6, stored.size(), stored.toString());
                for (var seat : stored) {
                    assertEquals("revoked", seat.getString("status"), seat.toString());
                    assertEquals("inactivity", seat.getString("revocation_reason"), seat.toString());
                }
            }
        }
    }

    /**
     * Entitlement keys live in the shared database (contract, "Beyond Polar: offline seat entitlements"): both
     * instances meeting a new organization at once make one key set, a token issued by one verifies with the other's
     * jwks.json, and a revoke on one is in the other's status list.
     */
    @Test
    void entitlementKeysAreSharedThroughTheDatabase() throws Exception {
        var shop = shop(3);
        String seatId = fixtures.claim(fixtures.assign(shop.tenant(), shop.subscriptionId(), Fixtures.email("offline"))
                        .getString("invitation_token"))
                .getJsonObject("seat")
                .getString("id");
        String jwks = "/v1/organizations/" + shop.tenant().organizationId() + "/jwks.json";
        List<Api.Reply> firstUse = Concurrently.run(10, i -> instance(i).get(jwks, null));
        firstUse.forEach(reply -> assertEquals(200, reply.status(), reply.toString()));
        assertEquals(1, firstUse.stream().map(Api.Reply::text).distinct().count(), "one key set for both instances");

        var issued = first.post(
                "/v1/customer-seats/" + seatId + "/entitlement", shop.tenant().token(), "");
        assertEquals(200, issued.status(), issued.toString());
        var verified = EntitlementVerifier.verify(
                        issued.string("token"), second.get(jwks, null).text())
                .orElseThrow(() -> new AssertionError("a token of the first instance fails with the second's keys"));
        int idx = verified.claims()
                .getJsonObject("status")
                .getJsonObject("status_list")
                .getInt("idx");

        assertEquals(
                200,
                second.delete("/v1/customer-seats/" + seatId, shop.tenant().token())
                        .status());
        var list = first.get("/v1/organizations/" + shop.tenant().organizationId() + "/seat-status-list", null);
        var claims = EntitlementVerifier.verify(
                        list.text(), first.get(jwks, null).text())
                .orElseThrow()
                .claims();
        assertEquals(
                1, EntitlementVerifier.bit(claims.getJsonObject("status_list").getString("lst"), idx));
    }

    /**
     * The audit chain (contract, "Beyond Polar: audit trail") across instances: 40 assigns over both, while both read
     * the audit events (each read links what is pending) and both schedulers link too, leave one chain: each seq
     * once, 1 to 40, and it verifies on either instance.
     */
    @Test
    void bothInstancesWriteAndLinkOneAuditChain() throws Exception {
        var shop = shop(40);
        String reader = fixtures.token(shop.tenant().organizationId(), List.of("audit:read"));
        List<Integer> statuses = Concurrently.run(60, i -> {
            if (i >= 40) {
                return instance(i).get("/v1/audit-events?limit=5", reader).status();
            }
            return instance(i)
                    .post(
                            "/v1/customer-seats",
                            shop.tenant().token(),
                            Json.createObjectBuilder()
                                    .add("subscription_id", shop.subscriptionId())
                                    .add("email", Fixtures.email("chain" + i))
                                    .build())
                    .status();
        });
        assertEquals(List.of(200), statuses.stream().distinct().toList(), statuses.toString());
        for (Api api : List.of(second, first)) {
            var verified = api.get("/v1/audit-events/verify", reader).json();
            assertEquals(40, verified.getInt("entries"), verified.toString());
            assertTrue(verified.getBoolean("ok"), verified.toString());
            var seqs = api.get("/v1/audit-events?limit=1000", reader).json().getJsonArray("items").stream()
                    .map(entry -> entry.asJsonObject().getJsonNumber("seq").longValue())
                    .toList();
            assertEquals(
                    java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList(),
                    seqs.stream().sorted().toList());
        }
    }

    private record Shop(Fixtures.Tenant tenant, String customerId, String subscriptionId) {}

    /** An organization with the member model, a seat-based product, a customer and a subscription, made on the first instance. */
    private static Shop shop(int seats) {
        var tenant = fixtures.tenant(true, true);
        String productId = fixtures.product(tenant, "month").getString("id");
        String customerId = fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
        String subscriptionId =
                fixtures.subscription(tenant, productId, customerId, seats).getString("id");
        return new Shop(tenant, customerId, subscriptionId);
    }

    /** Even requests go to the first instance, odd ones to the second. */
    private static Api instance(int i) {
        return i % 2 == 0 ? first : second;
    }

    private static void assertAllOthersAreJsonClientErrors(List<Api.Reply> replies, int expected) {
        var refused = replies.stream().filter(r -> r.status() != 200).toList();
        assertEquals(expected, refused.size(), replies.toString());
        for (Api.Reply reply : refused) {
            assertTrue(reply.status() >= 400 && reply.status() < 500, reply.toString());
            assertTrue(reply.isJson() && reply.json().containsKey("error"), reply.toString());
        }
    }

    private static URL start(Path work, String name, int port, String secret) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        Path log = work.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of(System.getProperty("seatkeeper.microbundle", "target/seatkeeper-microbundle.jar"))
                .toAbsolutePath()
                .toString();
        var builder = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-jar",
                        jar,
                        "--port",
                        String.valueOf(port),
                        "--nohazelcast",
                        "--disablephonehome")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The database comes from this JVM's environment (SEATKEEPER_DB_URL, _USER, _PASSWORD); the rest is shared
        // here.
        builder.environment().put("SEATKEEPER_ADMIN_TOKEN", Fixtures.OPERATOR);
        builder.environment().put("SEATKEEPER_SECRET", secret);
        builder.environment()
                .put("SEATKEEPER_DATA_DIR", dir.resolve("data").toAbsolutePath().toString());
        builder.environment().remove("SEATKEEPER_SMTP_HOST");
        // Both instances run the scheduler every second, so they race for every due action.
        builder.environment().put("SEATKEEPER_SCHEDULER_INTERVAL", "PT1S");
        SERVERS.add(builder.start());
        LOGS.add(log);
        return new URL("http://127.0.0.1:" + port + "/");
    }

    /** Waits until the instance serves the application: GET /v1/customers/ without a token answers 401. */
    private static void awaitReady(int index, Api api) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        Process server = SERVERS.get(index);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new AssertionError("instance " + index + " exited during start-up:\n" + tail(LOGS.get(index)));
            }
            try {
                if (api.get("/v1/customers/", null).status() == 401) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // connection refused while booting
            }
            Thread.sleep(500);
        }
        throw new AssertionError(
                "instance " + index + " did not answer 401 within " + STARTUP + ":\n" + tail(LOGS.get(index)));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** The first port from {@code from} up to 8299 that nothing listens on. */
    private static int freePort(int from) {
        for (int port = from; port <= 8299; port++) {
            try (var socket = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new AssertionError("no free port in " + from + "-8299");
    }
}

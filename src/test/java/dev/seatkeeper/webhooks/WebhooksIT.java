package dev.seatkeeper.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import dev.seatkeeper.testing.Api;
import dev.seatkeeper.testing.ApiTest;
import dev.seatkeeper.testing.Fixtures;
import dev.seatkeeper.testing.Receiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end (contract, "Events (webhooks)"): endpoints registered through the API, seat changes delivered to
 * a real HTTP receiver on a loopback port, signed twice so that the Standard Webhooks library verifies them both with
 * the decoded key after {@code whsec_} (Standard Webhooks, SDK 1.0.1) and with the UTF-8 bytes of the whole secret
 * (Polar's legacy scheme, SDK 0.49.0), retried, disabled and redelivered as the contract says. The test
 * server retries fast (pom.xml: SEATKEEPER_WEBHOOK_RETRY_BASE and friends).
 */
class WebhooksIT extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> SCOPES = Fixtures.ALL_SCOPES_WITH_WEBHOOKS;

    Fixtures.Tenant tenant;
    String subscriptionId;
    Receiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        tenant = fixtures.tenant(true, true, SCOPES);
        String productId = fixtures.product(tenant, "month").getString("id");
        String customerId = fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
        subscriptionId =
                fixtures.subscription(tenant, productId, customerId, 20).getString("id");
        receiver = new Receiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private JsonObject register(String... events) {
        var list = Json.createArrayBuilder();
        for (String event : events) {
            list.add(event);
        }
        var reply = api.post(
                "/v1/webhooks/endpoints",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("url", receiver.url())
                        .add("format", "raw")
                        .add("events", list)
                        .build());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    private JsonObject register() {
        return register("customer_seat.assigned", "customer_seat.claimed", "customer_seat.revoked", "member.created");
    }

    /** Polar's legacy scheme: the key is the UTF-8 bytes of the whole {@code whsec_…} string. */
    private static boolean verifies(Receiver.Received request, String secret) {
        return verifies(request, new Webhook(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** Standard Webhooks: the key is the base64-decoded part after {@code whsec_}. */
    private static boolean verifiesStandard(Receiver.Received request, String secret) {
        return verifies(request, new Webhook(secret));
    }

    private static boolean verifies(Receiver.Received request, Webhook verifier) {
        try {
            verifier.verify(
                    request.body(),
                    Map.of(
                            "webhook-id", List.of(request.header("webhook-id")),
                            "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                            "webhook-signature", List.of(request.header("webhook-signature"))));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private List<JsonObject> bodiesOfType(String type) {
        return receiver.received().stream()
                .map(r -> Api.json(r.body()))
                .filter(b -> b.getString("type").equals(type))
                .toList();
    }

    @Test
    void anEndpointIsCreatedListedReadUpdatedAndDeletedWithPolarsShapes() {
        var created = register("customer_seat.claimed");
        assertEquals(
                Set.of(
                        "created_at",
                        "modified_at",
                        "id",
                        "url",
                        "name",
                        "format",
                        "secret",
                        "organization_id",
                        "events",
                        "enabled",
                        "api_version",
                        "uses_standard_webhook_signature"),
                created.keySet());
        // No Polar-Version: the default version; a new secret has the Standard Webhooks format.
        assertEquals("2026-10", created.getString("api_version"));
        assertEquals(true, created.getBoolean("uses_standard_webhook_signature"));
        String secret = created.getString("secret");
        assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{43}="), secret);
        assertEquals(32, java.util.Base64.getDecoder().decode(secret.substring(6)).length);
        assertEquals(tenant.organizationId(), created.getString("organization_id"));
        assertTrue(created.getBoolean("enabled"));
        String id = created.getString("id");
        String path = "/v1/webhooks/endpoints/" + id;

        var listed = api.get("/v1/webhooks/endpoints", tenant.token()).json();
        assertEquals(1, listed.getJsonObject("pagination").getInt("total_count"));
        assertEquals(
                created.getString("secret"),
                listed.getJsonArray("items").getJsonObject(0).getString("secret"));
        assertEquals(created, api.get(path, tenant.token()).json());

        var patched = api.patch(
                path,
                tenant.token(),
                Json.createObjectBuilder()
                        .add("name", "billing")
                        .add("events", Json.createArrayBuilder().add("customer_seat.revoked"))
                        .build());
        assertEquals(200, patched.status(), patched.toString());
        assertEquals("billing", patched.json().getString("name"));
        assertEquals(
                List.of("customer_seat.revoked"),
                patched.json().getJsonArray("events").getValuesAs(JsonString::getString));

        var other = fixtures.tenant(true, true, SCOPES);
        var foreign = api.get(path, other.token());
        var unknown = api.get("/v1/webhooks/endpoints/" + java.util.UUID.randomUUID(), other.token());
        assertEquals(404, foreign.status());
        assertEquals(unknown.text(), foreign.text(), "another organization's endpoint answers like an unknown one");
        assertEquals(404, api.delete(path, other.token()).status());

        var deleted = api.delete(path, tenant.token());
        assertEquals(204, deleted.status());
        assertEquals(404, api.get(path, tenant.token()).status());
    }

    private Api.Reply sendWithVersion(String method, String path, String version, JsonObject body) {
        return api.send(method, path, tenant.token(), body.toString(), Map.of("Polar-Version", version));
    }

    private static JsonObject endpointBody(String url) {
        return Json.createObjectBuilder()
                .add("url", url)
                .add("format", "raw")
                .add("events", Json.createArrayBuilder().add("customer_seat.assigned"))
                .build();
    }

    private static void assertApiVersionRefused(Api.Reply reply, String type, String input) {
        assertEquals(422, reply.status(), reply.toString());
        var detail = reply.json().getJsonArray("detail");
        assertEquals(1, detail.size(), reply.toString());
        var issue = detail.getJsonObject(0);
        assertEquals(type, issue.getString("type"), reply.toString());
        assertEquals(List.of("body", "api_version"), issue.getJsonArray("loc").getValuesAs(JsonString::getString));
        assertEquals(input, issue.getString("input"), reply.toString());
    }

    @Test
    void anEndpointsApiVersionDefaultsToTheRequestsAndIsNeverLaterThanIt() {
        String path = "/v1/webhooks/endpoints";
        var old = sendWithVersion("POST", path, "2026-04", endpointBody(receiver.url()));
        assertEquals(201, old.status(), old.toString());
        assertEquals("2026-04", old.json().getString("api_version"), "the request's version");
        assertEquals("2026-04", old.headers().firstValue("polar-version").orElseThrow());

        var later = Json.createObjectBuilder(endpointBody(receiver.url()))
                .add("api_version", "2026-10")
                .build();
        assertApiVersionRefused(sendWithVersion("POST", path, "2026-04", later), "value_error", "2026-10");
        var unknown = Json.createObjectBuilder(endpointBody(receiver.url()))
                .add("api_version", "2025-01")
                .build();
        var refused = sendWithVersion("POST", path, "2027-01", unknown);
        assertApiVersionRefused(refused, "enum", "2025-01");
        assertEquals(
                "Input should be '2026-04', '2026-10' or '2027-01'",
                refused.json().getJsonArray("detail").getJsonObject(0).getString("msg"));
        assertEquals(
                1,
                api.get(path, tenant.token()).json().getJsonObject("pagination").getInt("total_count"),
                "nothing refused was stored");

        var chosen = sendWithVersion("POST", path, "2027-01", later);
        assertEquals(201, chosen.status(), chosen.toString());
        assertEquals("2026-10", chosen.json().getString("api_version"), "an earlier version, as asked");

        String oldPath = path + "/" + old.json().getString("id");
        assertApiVersionRefused(
                api.patch(
                        oldPath,
                        tenant.token(),
                        Json.createObjectBuilder().add("api_version", "2027-01").build()),
                "value_error",
                "2027-01");
        var renamed = api.patch(
                oldPath,
                tenant.token(),
                Json.createObjectBuilder().add("name", "kept").build());
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals("2026-04", renamed.json().getString("api_version"), "unchanged when absent");
        var moved = api.patch(
                oldPath,
                tenant.token(),
                Json.createObjectBuilder().add("api_version", "2026-10").build());
        assertEquals(200, moved.status(), moved.toString());
        assertEquals("2026-10", moved.json().getString("api_version"));
        assertEquals("2026-10", api.get(oldPath, tenant.token()).json().getString("api_version"), "stored");

        // Each event records the version it was rendered for, and its body carries it.
        fixtures.assign(tenant, subscriptionId, Fixtures.email("versions"));
        assertTrue(Receiver.await(WAIT, () -> receiver.received().size() >= 2));
        assertEquals(
                Set.of("2026-10"),
                receiver.received().stream()
                        .map(r -> Api.json(r.body()).getString("api_version"))
                        .collect(java.util.stream.Collectors.toSet()));
        var delivery = awaitDeliveries(chosen.json().getString("id"), 1).get(0);
        var event = delivery.getJsonObject("webhook_event");
        assertEquals("2026-10", event.getString("api_version"));
        assertEquals("2026-10", Api.json(event.getString("payload")).getString("api_version"));
    }

    /** The OpenAPI document (openapi.yaml merged with the annotations) describes versions and both signatures. */
    @Test
    void theOpenApiDocumentDescribesApiVersionsAndBothSignatures() throws Exception {
        var reply = new Api(new URL(base, "/")).get("/openapi", null);
        assertEquals(200, reply.status(), reply.toString());
        var schemas = reply.json().getJsonObject("components").getJsonObject("schemas");
        var endpoint = schemas.getJsonObject("WebhookEndpoint").getJsonObject("properties");
        assertTrue(
                endpoint.getJsonObject("uses_standard_webhook_signature")
                        .getString("description")
                        .contains("base64-decoded bytes after whsec_"),
                endpoint.toString());
        assertEquals(
                "#/components/schemas/ApiVersion",
                endpoint.getJsonObject("api_version").getString("$ref"));
        assertTrue(schemas.getJsonObject("WebhookEvent")
                .getJsonObject("properties")
                .containsKey("api_version"));
        assertTrue(schemas.getJsonObject("ApiVersion").getString("description").contains("Deprecation"));
        var create = reply.json()
                .getJsonObject("paths")
                .getJsonObject("/v1/webhooks/endpoints")
                .getJsonObject("post");
        assertEquals(
                "#/components/schemas/WebhookEndpoint",
                create.getJsonObject("responses")
                        .getJsonObject("201")
                        .getJsonObject("content")
                        .getJsonObject("application/json")
                        .getJsonObject("schema")
                        .getString("$ref"));
        assertEquals(
                "#/components/schemas/WebhookEndpointCreate",
                create.getJsonObject("requestBody")
                        .getJsonObject("content")
                        .getJsonObject("application/json")
                        .getJsonObject("schema")
                        .getString("$ref"));
    }

    @Test
    void urlsFormatsAndEventTypesAreCheckedAndScopesEnforced() {
        for (String url : List.of(
                "http://example.com/hook",
                "https://10.1.2.3/hook",
                "https://169.254.169.254/x",
                "ftp://127.0.0.1/x",
                "not a url")) {
            var reply = api.post(
                    "/v1/webhooks/endpoints",
                    tenant.token(),
                    Json.createObjectBuilder()
                            .add("url", url)
                            .add("format", "raw")
                            .add("events", Json.createArrayBuilder().add("customer_seat.claimed"))
                            .build());
            assertEquals(422, reply.status(), url + ": " + reply);
            assertEquals(
                    List.of("body", "url"),
                    reply.json()
                            .getJsonArray("detail")
                            .getJsonObject(0)
                            .getJsonArray("loc")
                            .getValuesAs(v -> v.toString().replace("\"", "")));
        }
        var slack = api.post(
                "/v1/webhooks/endpoints",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("url", receiver.url())
                        .add("format", "slack")
                        .add("events", Json.createArrayBuilder().add("customer_seat.claimed"))
                        .build());
        assertEquals(422, slack.status(), slack.toString());
        var unknownEvent = api.post(
                "/v1/webhooks/endpoints",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("url", receiver.url())
                        .add("format", "raw")
                        .add("events", Json.createArrayBuilder().add("seat.exploded"))
                        .build());
        assertEquals(422, unknownEvent.status());
        assertEquals(
                0,
                api.get("/v1/webhooks/endpoints", tenant.token())
                        .json()
                        .getJsonObject("pagination")
                        .getInt("total_count"),
                "nothing refused was stored");

        String readOnly = fixtures.token(tenant.organizationId(), List.of("webhooks:read"));
        assertEquals(
                403,
                api.post(
                                "/v1/webhooks/endpoints",
                                readOnly,
                                Json.createObjectBuilder()
                                        .add("url", receiver.url())
                                        .add("format", "raw")
                                        .add("events", Json.createArrayBuilder().add("customer_seat.claimed"))
                                        .build())
                        .status());
        String seatsOnly = fixtures.token(tenant.organizationId(), List.of("customer_seats:read"));
        assertEquals(403, api.get("/v1/webhooks/endpoints", seatsOnly).status());
    }

    @Test
    void aSeatChangeArrivesSignedUnderBothSchemesWithItsApiVersion() {
        var endpoint = register();
        var seat = fixtures.assign(tenant, subscriptionId, Fixtures.email("holder"));
        assertTrue(Receiver.await(
                WAIT, () -> !bodiesOfType("customer_seat.assigned").isEmpty()));
        var request = receiver.received().stream()
                .filter(r -> r.body().contains("customer_seat.assigned"))
                .findFirst()
                .orElseThrow();
        assertEquals("application/json", request.header("content-type"));
        assertNotNull(request.header("webhook-id"));
        String signatures = request.header("webhook-signature");
        assertTrue(signatures.matches("v1,\\S+ v1,\\S+"), signatures);
        String secret = endpoint.getString("secret");
        assertTrue(verifiesStandard(request, secret), "verifies with the decoded key after whsec_");
        assertTrue(verifies(request, secret), "and with the whole whsec_ secret (Polar's legacy scheme)");
        assertFalse(verifies(request, secret + "x"), "not with another secret");
        var other = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertFalse(verifiesStandard(request, other), "not with another key");
        var body = Api.json(request.body());
        assertEquals(Set.of("type", "timestamp", "api_version", "data"), body.keySet());
        assertEquals("2026-10", body.getString("api_version"));
        assertEquals(seat.getString("id"), body.getJsonObject("data").getString("id"));
        assertEquals("pending", body.getJsonObject("data").getString("status"));
        assertFalse(body.getJsonObject("data").containsKey("invitation_token"), "the token never leaves in events");
        assertTrue(
                Receiver.await(
                        WAIT,
                        () -> bodiesOfType("member.created").stream()
                                .anyMatch(b ->
                                        b.getJsonObject("data").getString("id").equals(seat.getString("member_id")))),
                "the new member is announced too");
    }

    @Test
    void anEndpointReceivesItsEventsInTheOrderTheyWereRecorded() {
        register("customer_seat.assigned");
        var ids = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            ids.add(fixtures.assign(tenant, subscriptionId, Fixtures.email("in-order-" + i))
                    .getString("id"));
        }
        assertTrue(Receiver.await(
                WAIT, () -> bodiesOfType("customer_seat.assigned").size() >= 6));
        assertEquals(
                ids,
                bodiesOfType("customer_seat.assigned").stream()
                        .map(b -> b.getJsonObject("data").getString("id"))
                        .toList());
    }

    @Test
    void aReceiverFailingTwiceGetsTheEventOnTheThirdAttemptWithEachAttemptRecorded() {
        var endpoint = register("customer_seat.assigned");
        receiver.answer(500, 503);
        fixtures.assign(tenant, subscriptionId, Fixtures.email("retried"));
        assertTrue(Receiver.await(WAIT, () -> receiver.received().size() >= 3));
        var deliveries = awaitDeliveries(endpoint.getString("id"), 3);
        assertEquals(
                List.of(true, false, false),
                deliveries.stream().map(d -> d.getBoolean("succeeded")).toList(),
                "newest first");
        assertEquals(
                List.of(200, 503, 500),
                deliveries.stream().map(d -> d.getInt("http_code")).toList());
        var event = deliveries.get(0).getJsonObject("webhook_event");
        assertTrue(event.getBoolean("succeeded"));
        assertEquals(200, event.getInt("last_http_code"));
        assertEquals(
                1,
                receiver.received().stream()
                        .map(r -> r.header("webhook-id"))
                        .distinct()
                        .count(),
                "one event, three attempts with the same webhook-id");
    }

    private List<JsonObject> awaitDeliveries(String endpointId, int count) {
        List<JsonObject> found = new ArrayList<>();
        Receiver.await(WAIT, () -> {
            found.clear();
            found.addAll(api.get("/v1/webhooks/deliveries?endpoint_id=" + endpointId, tenant.token())
                    .json()
                    .getJsonArray("items")
                    .getValuesAs(JsonObject.class));
            return found.size() >= count;
        });
        return found;
    }

    @Test
    void goneDisablesTheEndpointAtOnce() {
        var endpoint = register("customer_seat.assigned");
        receiver.answer(410);
        fixtures.assign(tenant, subscriptionId, Fixtures.email("gone"));
        String path = "/v1/webhooks/endpoints/" + endpoint.getString("id");
        assertTrue(
                Receiver.await(WAIT, () -> !api.get(path, tenant.token()).json().getBoolean("enabled")));
        fixtures.assign(tenant, subscriptionId, Fixtures.email("after-gone"));
        sleep(Duration.ofSeconds(2));
        assertEquals(1, receiver.received().size(), "nothing more is sent to a disabled endpoint");
    }

    @Test
    void tenFailedEventsInARowDisableTheEndpoint() {
        var endpoint = register("customer_seat.assigned");
        receiver.thenAlways(500);
        for (int i = 0; i < 10; i++) {
            fixtures.assign(tenant, subscriptionId, Fixtures.email("failing-" + i));
        }
        String path = "/v1/webhooks/endpoints/" + endpoint.getString("id");
        assertTrue(
                Receiver.await(
                        Duration.ofSeconds(120),
                        () -> !api.get(path, tenant.token()).json().getBoolean("enabled")),
                "disabled after ten failed events");
        long events = receiver.received().stream()
                .map(r -> r.header("webhook-id"))
                .distinct()
                .count();
        assertEquals(10, events, "each of the ten events was tried before the endpoint was disabled");
    }

    @Test
    void aRedeliveredEventIsSentAgainWithItsId() {
        var endpoint = register("customer_seat.assigned");
        fixtures.assign(tenant, subscriptionId, Fixtures.email("again"));
        var first = awaitDeliveries(endpoint.getString("id"), 1).get(0).getJsonObject("webhook_event");
        var reply = api.post("/v1/webhooks/events/" + first.getString("id") + "/redeliver", tenant.token(), "");
        assertEquals(202, reply.status(), reply.toString());
        assertTrue(reply.isJson());
        assertTrue(Receiver.await(WAIT, () -> receiver.received().size() >= 2));
        assertEquals(first.getString("id"), receiver.received().get(1).header("webhook-id"));
        var other = fixtures.tenant(true, true, SCOPES);
        assertEquals(
                404,
                api.post("/v1/webhooks/events/" + first.getString("id") + "/redeliver", other.token(), "")
                        .status(),
                "another organization's event answers like an unknown one");
    }

    @Test
    void afterASecretResetDeliveriesCarryBothSignaturesUnderEachSecret() {
        var endpoint = register("customer_seat.assigned");
        String oldSecret = endpoint.getString("secret");
        var reset = api.patch(
                "/v1/webhooks/endpoints/" + endpoint.getString("id") + "/secret",
                tenant.token(),
                Json.createObjectBuilder().build());
        assertEquals(200, reset.status(), reset.toString());
        String newSecret = reset.json().getString("secret");
        assertFalse(newSecret.equals(oldSecret));
        fixtures.assign(tenant, subscriptionId, Fixtures.email("overlap"));
        assertTrue(Receiver.await(WAIT, () -> !receiver.received().isEmpty()));
        var request = receiver.received().get(0);
        assertEquals(4, request.header("webhook-signature").split(" ").length, request.header("webhook-signature"));
        assertTrue(reset.json().getBoolean("uses_standard_webhook_signature"));
        assertTrue(verifiesStandard(request, newSecret), "the new secret verifies, Standard Webhooks");
        assertTrue(verifies(request, newSecret), "and legacy");
        assertTrue(verifiesStandard(request, oldSecret), "the old one too, during the overlap");
        assertTrue(verifies(request, oldSecret), "both ways");
    }

    @Test
    void aRefusedChangeSendsNothingAndARevokeNamesWhoLostTheSeat() {
        register();
        var full = fixtures.subscription(
                        tenant,
                        fixtures.product(tenant, "month").getString("id"),
                        fixtures.customer(tenant, Fixtures.email("small")).getString("id"),
                        1)
                .getString("id");
        fixtures.assign(tenant, full, Fixtures.email("first"));
        var refused = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", full)
                        .add("email", Fixtures.email("second"))
                        .build());
        assertEquals(400, refused.status(), "no seat left");
        String holder = Fixtures.email("holder");
        var claimed =
                fixtures.claim(fixtures.assign(tenant, subscriptionId, holder).getString("invitation_token"));
        var seat = claimed.getJsonObject("seat");
        assertEquals(
                200,
                api.delete("/v1/customer-seats/" + seat.getString("id"), tenant.token())
                        .status());
        assertTrue(Receiver.await(
                WAIT, () -> !bodiesOfType("customer_seat.revoked").isEmpty()));

        assertEquals(2, bodiesOfType("customer_seat.assigned").size(), "the refused assignment sent nothing");
        var revoked = bodiesOfType("customer_seat.revoked").get(0).getJsonObject("data");
        assertEquals("revoked", revoked.getString("status"));
        assertEquals(seat.getString("member_id"), revoked.getString("previous_member_id"));
        assertEquals(holder, revoked.getString("previous_email"));
        assertTrue(revoked.isNull("member_id"));
    }

    @Test
    void operatorsSeeTheWorkerInReadinessAndTheDeliveriesInMetrics() throws Exception {
        register("customer_seat.assigned");
        receiver.thenAlways(503);
        fixtures.assign(tenant, subscriptionId, Fixtures.email("watched"));
        var server = new Api(new URL(base.getProtocol(), base.getHost(), base.getPort(), "/"));
        var ready = server.get("/health/ready", null);
        assertEquals(200, ready.status(), ready.toString());
        assertTrue(ready.text().contains("\"webhook-worker\""), ready.toString());
        assertTrue(
                Receiver.await(
                        Duration.ofSeconds(40), () -> metric("seatkeeper_webhook_deliveries{outcome=\"failed\"}") >= 1),
                "failed attempts are counted");
        assertTrue(metric("seatkeeper_webhook_backlog") >= 0);
        assertTrue(metric("seatkeeper_webhook_oldest_pending_seconds") >= 0);
    }

    /** A value of the Prometheus text at /metrics (the test deployment's metrics token), or -1 when absent. */
    private double metric(String series) {
        var text = api.get("/metrics", "test-metrics-token").text();
        return text.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length() + 1).strip()))
                .findFirst()
                .orElse(-1);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theScheduleEventsReachOnlyTheEndpointsThatListThem() throws Exception {
        try (var optedIn = new Receiver()) {
            register();
            var reply = api.post(
                    "/v1/webhooks/endpoints",
                    tenant.token(),
                    Json.createObjectBuilder()
                            .add("url", optedIn.url())
                            .add("format", "raw")
                            .add(
                                    "events",
                                    Json.createArrayBuilder()
                                            .add("customer_seat.revocation_scheduled")
                                            .add("customer_seat.revocation_canceled")
                                            .add("subscription.cycled"))
                            .build());
            assertEquals(201, reply.status(), reply.toString());
            String seatId = fixtures.assign(tenant, subscriptionId, Fixtures.email("later"))
                    .getString("id");
            assertEquals(
                    200,
                    api.delete("/v1/customer-seats/" + seatId + "?at=period_end", tenant.token())
                            .status());
            assertEquals(
                    200,
                    api.delete("/v1/customer-seats/" + seatId + "/scheduled-revocation", tenant.token())
                            .status());
            assertTrue(
                    Receiver.await(WAIT, () -> optedIn.received().size() == 2),
                    "both reach the endpoint that lists them");
            var types = optedIn.received().stream()
                    .map(r -> Api.json(r.body()))
                    .map(b -> b.getString("type"))
                    .toList();
            assertEquals(List.of("customer_seat.revocation_scheduled", "customer_seat.revocation_canceled"), types);
            var data = Api.json(optedIn.received().get(0).body()).getJsonObject("data");
            assertEquals(seatId, data.getString("id"));
            assertFalse(data.isNull("revokes_at"));
            assertTrue(Receiver.await(
                    WAIT, () -> !bodiesOfType("customer_seat.assigned").isEmpty()));
            Thread.sleep(1000);
            assertTrue(
                    receiver.received().stream()
                            .map(r -> Api.json(r.body()).getString("type"))
                            .noneMatch(
                                    t -> t.startsWith("customer_seat.revocation_") || t.equals("subscription.cycled")),
                    "an endpoint that did not list the new types receives none: " + receiver.received());
        }
    }

    @Test
    void capacityEventsReachOnlyTheEndpointsThatListThem() throws Exception {
        try (var optedIn = new Receiver()) {
            register();
            var reply = api.post(
                    "/v1/webhooks/endpoints",
                    tenant.token(),
                    Json.createObjectBuilder()
                            .add("url", optedIn.url())
                            .add("format", "raw")
                            .add(
                                    "events",
                                    Json.createArrayBuilder()
                                            .add("customer_seat_pool.threshold_reached")
                                            .add("customer_seat_pool.full"))
                            .build());
            assertEquals(201, reply.status(), reply.toString());
            String productId = fixtures.product(tenant, "month").getString("id");
            String customerId =
                    fixtures.customer(tenant, Fixtures.email("pool")).getString("id");
            String pool =
                    fixtures.subscription(tenant, productId, customerId, 1).getString("id");
            fixtures.assign(tenant, pool, Fixtures.email("only"));
            assertTrue(
                    Receiver.await(WAIT, () -> optedIn.received().size() == 3),
                    "thresholds 80 and 100 (one seat of one: both crossed at once) and full reach the endpoint"
                            + " that lists them: " + optedIn.received());
            var types = optedIn.received().stream()
                    .map(r -> Api.json(r.body()).getString("type"))
                    .sorted()
                    .toList();
            assertEquals(
                    List.of(
                            "customer_seat_pool.full",
                            "customer_seat_pool.threshold_reached",
                            "customer_seat_pool.threshold_reached"),
                    types);
            var data = Api.json(optedIn.received().get(0).body()).getJsonObject("data");
            assertEquals(pool, data.getString("subscription_id"));
            assertEquals(1, data.getInt("seats"));
            assertEquals(0, data.getInt("available"));
            assertTrue(Receiver.await(
                    WAIT, () -> !bodiesOfType("customer_seat.assigned").isEmpty()));
            Thread.sleep(1000);
            assertTrue(
                    receiver.received().stream()
                            .map(r -> Api.json(r.body()).getString("type"))
                            .noneMatch(t -> t.startsWith("customer_seat_pool.")),
                    "an endpoint that did not list them receives none: " + receiver.received());
        }
    }
}

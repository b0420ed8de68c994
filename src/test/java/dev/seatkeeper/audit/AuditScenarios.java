package dev.seatkeeper.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.testing.Api;
import dev.seatkeeper.testing.Concurrently;
import dev.seatkeeper.testing.Fixtures;
import dev.seatkeeper.testing.Receiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The audit trail as a merchant meets it (contract, "Beyond Polar: audit trail"), run by an Arquillian class against
 * its server (SeatRevocationIT), whose scheduler runs every second (pom.xml).
 */
public final class AuditScenarios {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Api api;
    private final Fixtures fixtures;
    private final Fixtures.Tenant tenant;
    private final String productId;
    private final String customerId;

    public AuditScenarios(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
        this.tenant = fixtures.tenant(
                true,
                true,
                Stream.concat(Fixtures.ALL_SCOPES.stream(), Stream.of("audit:read"))
                        .toList());
        this.productId = fixtures.product(tenant, "month").getString("id");
        this.customerId = fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
    }

    /**
     * Assign (with the caller's request id), resend, claim, transfer, a scheduled revoke, a member deletion, a
     * holder's new e-mail, a subscription ended by the organization and one ended at its period end: each seat's exact entries, actors and
     * request ids.
     */
    public void everyChangeIsWrittenWithItsActor() {
        String subscriptionId = subscription(null, 6);
        var assigned = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add("email", Fixtures.email("ann"))
                        .build(),
                Map.of("X-Request-Id", "merchant-req-0001"));
        assertEquals(200, assigned.status(), assigned.toString());
        assertEquals("merchant-req-0001", assigned.header("X-Request-Id").orElseThrow(), "echoed");
        String a = assigned.string("id");
        var resent = api.post("/v1/customer-seats/" + a + "/resend", tenant.token(), "");
        assertEquals(200, resent.status(), resent.toString());
        String madeId = resent.header("X-Request-Id").orElseThrow();
        fixtures.claim(resent.string("invitation_token"));
        var transfer = api.post(
                "/v1/customer-seats/" + a + "/transfer",
                tenant.token(),
                Json.createObjectBuilder().add("email", Fixtures.email("bob")).build());
        assertEquals(200, transfer.status(), transfer.toString());
        String b = transfer.json().getJsonObject("seat").getString("id");
        var at = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        assertEquals(
                200,
                api.delete("/v1/customer-seats/" + b + "?at=" + at, tenant.token())
                        .status());
        assertTrue(Receiver.await(WAIT, () -> history(b).size() == 3), "revoked by the scheduler");

        var c = fixtures.claim(
                fixtures.assign(tenant, subscriptionId, Fixtures.email("carol")).getString("invitation_token"));
        String cSeat = c.getJsonObject("seat").getString("id");
        String member = c.getJsonObject("seat").getString("member_id");
        assertEquals(
                204,
                api.delete("/v1/customers/" + customerId + "/members/" + member, tenant.token())
                        .status());

        String ending = subscription(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3), 2);
        String d = fixtures.claim(
                        fixtures.assign(tenant, ending, Fixtures.email("dan")).getString("invitation_token"))
                .getJsonObject("seat")
                .getString("id");
        var cancel = api.patch(
                "/v1/subscriptions/" + ending,
                tenant.token(),
                Json.createObjectBuilder().add("cancel_at_period_end", true).build());
        assertEquals(200, cancel.status(), cancel.toString());
        var f = fixtures.claim(
                fixtures.assign(tenant, subscriptionId, Fixtures.email("fay")).getString("invitation_token"));
        String fSeat = f.getJsonObject("seat").getString("id");
        var renamed = api.patch(
                "/v1/customers/" + customerId + "/members/"
                        + f.getJsonObject("seat").getString("member_id"),
                tenant.token(),
                Json.createObjectBuilder()
                        .add("email", Fixtures.email("fay-new"))
                        .build());
        assertEquals(200, renamed.status(), renamed.toString());
        String e =
                fixtures.assign(tenant, subscriptionId, Fixtures.email("eve")).getString("id");
        assertEquals(
                200,
                api.delete("/v1/subscriptions/" + subscriptionId, tenant.token())
                        .status());
        assertTrue(Receiver.await(WAIT, () -> history(d).size() == 3), "ended at its period end");

        var ann = history(a);
        String token = ann.get(0).getJsonObject("actor").getString("id");
        assertEquals(
                List.of(
                        "assigned organization_token " + token + " null null>pending",
                        "resent organization_token " + token + " null pending>pending",
                        "claimed invitation " + a + " null pending>claimed",
                        "transferred_out organization_token " + token + " transfer claimed>revoked"),
                summaries(ann));
        assertEquals("merchant-req-0001", ann.get(0).getString("request_id"));
        assertEquals(madeId, ann.get(1).getString("request_id"), "a request id made by the service, as returned");
        assertEquals(
                List.of(
                        "transferred_in organization_token " + token + " transfer null>pending",
                        "revocation_scheduled organization_token " + token + " scheduled pending>pending",
                        "revoked system scheduled scheduled pending>revoked"),
                summaries(history(b)));
        assertEquals(
                List.of(
                        "assigned organization_token " + token + " null null>pending",
                        "claimed invitation " + cSeat + " null pending>claimed",
                        "revoked organization_token " + token + " member_deleted claimed>revoked"),
                summaries(history(cSeat)));
        assertEquals(
                List.of(
                        "assigned organization_token " + token + " null null>pending",
                        "claimed invitation " + d + " null pending>claimed",
                        "revoked system period_end subscription_ended claimed>revoked"),
                summaries(history(d)));
        assertEquals(
                List.of(
                        "assigned organization_token " + token + " null null>pending",
                        "revoked organization_token " + token + " subscription_ended pending>revoked"),
                summaries(history(e)));
        assertEquals(
                List.of(
                        "assigned organization_token " + token + " null null>pending",
                        "claimed invitation " + fSeat + " null pending>claimed",
                        "email_changed organization_token " + token + " null claimed>claimed",
                        "revoked organization_token " + token + " subscription_ended claimed>revoked"),
                summaries(history(fSeat)));
        // Oldest first, each linked after the one before.
        var seqs = ann.stream()
                .map(entry -> entry.getJsonNumber("seq").longValue())
                .toList();
        assertEquals(seqs.stream().sorted().toList(), seqs);
        assertEquals(
                Json.createObjectBuilder()
                        .add("entries", count())
                        .add("ok", true)
                        .build(),
                verify());
    }

    /**
     * Fifty assigns at once in one organization leave a chain that verifies; then an entry altered in the database
     * is named by the verification, and the chain before it still checks.
     */
    public void concurrentChangesChainAndATamperedEntryIsNamed() throws Exception {
        String subscriptionId = subscription(null, 60);
        var statuses = Concurrently.run(
                50,
                i -> api.post(
                                "/v1/customer-seats",
                                tenant.token(),
                                Json.createObjectBuilder()
                                        .add("subscription_id", subscriptionId)
                                        .add("email", Fixtures.email("racer" + i))
                                        .build())
                        .status());
        assertEquals(List.of(200), statuses.stream().distinct().toList());
        var verified = verify();
        assertTrue(verified.getBoolean("ok"), verified.toString());
        assertEquals(50, verified.getInt("entries"));
        var events =
                api.get("/v1/audit-events?limit=1000", tenant.token()).json().getJsonArray("items");
        assertEquals(50, events.size());
        var seqs = events.getValuesAs(JsonObject.class).stream()
                .map(entry -> entry.getJsonNumber("seq").longValue())
                .collect(Collectors.toSet());
        assertEquals(50, seqs.size(), "each seq once");
        assertEquals(50L, seqs.stream().mapToLong(Long::longValue).max().orElseThrow());

        String victim = events.getJsonObject(20).getString("id");
        assertEquals(
                204,
                api.post("/test-support/audit-entries/" + victim + "/tamper", null, "")
                        .status());
        var broken = verify();
        assertFalse(broken.getBoolean("ok"), broken.toString());
        assertEquals(victim, broken.getJsonObject("first_broken").getString("id"));
        assertEquals("tampered", broken.getJsonObject("first_broken").getString("reason"));
        assertNotEquals(broken.getJsonObject("first_broken").getString("hash"), broken.getString("expected_hash"));
    }

    /**
     * Paging newest first with the cursor returns every entry that existed when paging began exactly once, however
     * many are written between pages.
     */
    public void cursorPagingReturnsEveryEntryOnceWhileNewOnesAreWritten() {
        String subscriptionId = subscription(null, 40);
        for (int i = 0; i < 15; i++) {
            fixtures.assign(tenant, subscriptionId, Fixtures.email("early" + i));
        }
        Set<String> before = new HashSet<>();
        api.get("/v1/audit-events?limit=1000", tenant.token())
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .forEach(entry -> before.add(entry.getString("id")));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            var reply =
                    api.get("/v1/audit-events?limit=4" + (cursor == null ? "" : "&cursor=" + cursor), tenant.token());
            assertEquals(200, reply.status(), reply.toString());
            reply.json().getJsonArray("items").getValuesAs(JsonObject.class).forEach(e -> seen.add(e.getString("id")));
            cursor = reply.json().isNull("next_cursor") ? null : reply.json().getString("next_cursor");
            fixtures.assign(tenant, subscriptionId, Fixtures.email("late" + page++));
        } while (cursor != null);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no entry twice");
        assertTrue(seen.containsAll(before), "every entry that existed when paging began");

        var ndjson =
                api.send("GET", "/v1/audit-events", tenant.token(), null, Map.of("Accept", "application/x-ndjson"));
        assertEquals(200, ndjson.status());
        assertTrue(ndjson.header("Content-Type").orElseThrow().startsWith("application/x-ndjson"));
        var lines = ndjson.text().strip().split("\n");
        assertEquals(count(), lines.length, "every entry, one per line");
        assertEquals(1, Api.json(lines[0]).getJsonNumber("seq").longValue(), "oldest first");
    }

    /**
     * Another organization's seat answers as an unknown one; its audit events hold none of this organization's; the
     * organization routes need audit:read; a request id that is too long is replaced, not echoed.
     */
    public void anotherOrganizationSeesNothingAndScopesAreChecked() {
        String subscriptionId = subscription(null, 2);
        String seat =
                fixtures.assign(tenant, subscriptionId, Fixtures.email("own")).getString("id");
        var other = fixtures.tenant(
                true,
                true,
                Stream.concat(Fixtures.ALL_SCOPES.stream(), Stream.of("audit:read"))
                        .toList());
        var foreign = api.get("/v1/customer-seats/" + seat + "/history", other.token());
        var unknown = api.get("/v1/customer-seats/" + java.util.UUID.randomUUID() + "/history", other.token());
        assertEquals(404, foreign.status());
        assertEquals(unknown.text(), foreign.text());
        assertEquals(
                0,
                api.get("/v1/audit-events", other.token())
                        .json()
                        .getJsonArray("items")
                        .size());
        assertEquals(
                Json.createObjectBuilder().add("entries", 0).add("ok", true).build(),
                Api.json(api.get("/v1/audit-events/verify", other.token()).text()));
        var withoutScope = fixtures.tenant(true, true);
        assertEquals(403, api.get("/v1/audit-events", withoutScope.token()).status());
        assertEquals(
                403, api.get("/v1/audit-events/verify", withoutScope.token()).status());
        assertEquals(401, api.get("/v1/audit-events", null).status());
        var tooLong = api.send(
                "GET",
                "/v1/customer-seats/" + seat + "/history",
                tenant.token(),
                null,
                Map.of("X-Request-Id", "x".repeat(200)));
        assertEquals(200, tooLong.status());
        String made = tooLong.header("X-Request-Id").orElseThrow();
        assertNotEquals("x".repeat(200), made);
        assertTrue(made.length() <= 128);
        var bad = api.get("/v1/audit-events?limit=1001&cursor=nope&from=yesterday", tenant.token());
        assertEquals(422, bad.status(), bad.toString());
        assertEquals(
                Set.of("limit", "cursor", "from"),
                bad.json().getJsonArray("detail").getValuesAs(JsonObject.class).stream()
                        .map(issue -> issue.getJsonArray("loc").getString(1))
                        .collect(Collectors.toSet()));
    }

    /**
     * Verifications that run while changes are written and linked (by their own reads, each linking first) all
     * answer ok: an entry linked after a verification began is not an entry missing from the end of the chain.
     */
    public void verifyWhileChangesAreWrittenNeverReportsABrokenChain() throws Exception {
        String subscriptionId = subscription(null, 45);
        var outcomes = Concurrently.run(60, i -> {
            if (i % 3 != 0) {
                var assigned = api.post(
                        "/v1/customer-seats",
                        tenant.token(),
                        Json.createObjectBuilder()
                                .add("subscription_id", subscriptionId)
                                .add("email", Fixtures.email("verified" + i))
                                .build());
                return assigned.status() == 200 ? "ok" : assigned.toString();
            }
            for (int round = 0; round < 5; round++) {
                var reply = api.get("/v1/audit-events/verify", tenant.token());
                if (reply.status() != 200 || !reply.json().getBoolean("ok")) {
                    return reply.toString();
                }
            }
            return "ok";
        });
        assertEquals(List.of("ok"), outcomes.stream().distinct().toList());
        var verified = verify();
        assertTrue(verified.getBoolean("ok"), verified.toString());
        assertEquals(count(), verified.getInt("entries"));
    }

    /**
     * A window bound far outside the years the service can hold (beyond 0000-10000) is refused 422, not read as
     * some other instant: it must never silently answer an empty or partial list.
     */
    public void windowBoundsOutsideTheCalendarAreRefused() {
        String subscriptionId = subscription(null, 2);
        fixtures.assign(tenant, subscriptionId, Fixtures.email("windowed"));
        for (String query : List.of(
                "from=-999999999-01-01T00:00:00Z",
                "to=%2B999999999-12-31T23:59:59Z",
                "from=-10000-01-01T00:00:00Z",
                "to=%2B1000000-01-01T00:00:00Z")) {
            var reply = api.get("/v1/audit-events?" + query, tenant.token());
            assertEquals(422, reply.status(), query + " " + reply);
            assertEquals(
                    query.substring(0, query.indexOf('=')),
                    reply.json()
                            .getJsonArray("detail")
                            .getJsonObject(0)
                            .getJsonArray("loc")
                            .getString(1));
        }
        var wide = api.get("/v1/audit-events?from=0001-01-01&to=9999-12-31", tenant.token());
        assertEquals(200, wide.status(), wide.toString());
        assertEquals(count(), wide.json().getJsonArray("items").size(), "the widest window holds every entry");
    }

    private String subscription(OffsetDateTime periodEnd, int seats) {
        var body = Json.createObjectBuilder()
                .add("product_id", productId)
                .add("customer_id", customerId)
                .add("seats", seats);
        if (periodEnd != null) {
            body.add(
                    "current_period_end",
                    periodEnd.truncatedTo(ChronoUnit.MILLIS).toString());
        }
        var reply = api.post("/v1/subscriptions/", tenant.token(), body.build());
        assertEquals(201, reply.status(), reply.toString());
        return reply.string("id");
    }

    private List<JsonObject> history(String seatId) {
        var reply = api.get("/v1/customer-seats/" + seatId + "/history", tenant.token());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    /** Each entry as "action actor-type actor-id reason from>to". */
    private static List<String> summaries(List<JsonObject> entries) {
        return entries.stream()
                .map(entry -> String.join(
                        " ",
                        entry.getString("action"),
                        entry.getJsonObject("actor").getString("type"),
                        text(entry.getJsonObject("actor"), "id"),
                        text(entry, "reason"),
                        text(entry, "from_status") + ">" + text(entry, "to_status")))
                .toList();
    }

    private static String text(JsonObject json, String key) {
        return json.isNull(key) ? "null" : json.getString(key);
    }

    private JsonObject verify() {
        var reply = api.get("/v1/audit-events/verify", tenant.token());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private int count() {
        return api.send("GET", "/v1/audit-events", tenant.token(), null, Map.of("Accept", "application/x-ndjson"))
                .text()
                .strip()
                .split("\n")
                .length;
    }
}

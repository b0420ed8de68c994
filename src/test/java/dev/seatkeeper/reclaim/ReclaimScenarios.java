package dev.seatkeeper.reclaim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.testing.Api;
import dev.seatkeeper.testing.Concurrently;
import dev.seatkeeper.testing.Fixtures;
import dev.seatkeeper.testing.Shapes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Activity and reclaim of idle seats as a merchant meets them (contract, "Beyond Polar: activity and reclaim of idle
 * seats"), run by Arquillian classes against their server (SeatRevocationIT; TwoInstancesIT on two). Time is moved by
 * test-support ({@code /test-support/seats/{id}/age/{days}}), the scheduler runs every second (pom.xml).
 */
public final class ReclaimScenarios {
    private static final String ACTIVITY = "/v1/customer-seats/activity";
    private static final String INTROSPECT = "/v1/customer-portal/customer-session/introspect";

    private final Api api;
    private final Fixtures fixtures;
    final Fixtures.Tenant tenant;
    final String customerId;
    final String productId;
    final String subscriptionId;

    public ReclaimScenarios(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
        this.tenant = fixtures.tenant(true, true);
        this.productId = fixtures.product(tenant, "month").getString("id");
        this.customerId = fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
        this.subscriptionId =
                fixtures.subscription(tenant, productId, customerId, 10).getString("id");
    }

    /** PATCHes the organization's seat_reclaim with the given fields; returns the reply. */
    public Api.Reply setPolicy(JsonObjectBuilder reclaim) {
        return api.patch(
                "/v1/organizations/" + tenant.organizationId(),
                Fixtures.OPERATOR,
                Json.createObjectBuilder()
                        .add("feature_settings", Json.createObjectBuilder().add("seat_reclaim", reclaim))
                        .build());
    }

    /** A claimed seat: the claim's answer, {seat, customer_session_token}. */
    public JsonObject claimed(String who) {
        return fixtures.claim(
                fixtures.assign(tenant, subscriptionId, Fixtures.email(who)).getString("invitation_token"));
    }

    public JsonObject seat(String id) {
        return api
                .get("/v1/customer-seats?subscription_id=" + subscriptionId, tenant.token())
                .json()
                .getJsonArray("seats")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(s -> s.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
    }

    public void age(String seatId, int days) {
        assertEquals(
                204,
                api.post("/test-support/seats/" + seatId + "/age/" + days, null, "")
                        .status());
    }

    /** Waits (at most 15 s) until the seat satisfies the condition; returns it. */
    public JsonObject await(String seatId, Predicate<JsonObject> condition, String what) {
        long end = System.nanoTime() + 15_000_000_000L;
        JsonObject seat = seat(seatId);
        while (!condition.test(seat) && System.nanoTime() < end) {
            sleep(200);
            seat = seat(seatId);
        }
        assertTrue(condition.test(seat), what + ": " + seat);
        return seat;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static OffsetDateTime instant(JsonObject o, String key) {
        return OffsetDateTime.parse(o.getString(key));
    }

    private Api.Reply report(JsonObjectBuilder... items) {
        var array = Json.createArrayBuilder();
        for (var item : items) {
            array.add(item);
        }
        return api.post(
                ACTIVITY,
                tenant.token(),
                Json.createObjectBuilder().add("items", array).build());
    }

    /**
     * An {@code at} from before any plausible activity (year 1, or the earliest instant Java can hold): the batch is
     * refused with 422 at the item's {@code at}, never a 500, and the seat keeps {@code last_active_at} null (a year-1
     * time stored would make the seat idle for two thousand years and due for reclaim at the next run).
     */
    public void anAncientActivityTimeIsRefusedAndNothingIsWritten() {
        String seatId = claimed("ancient").getJsonObject("seat").getString("id");
        for (String at : List.of("0001-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z")) {
            var reply = report(
                    Json.createObjectBuilder().add("seat_id", seatId),
                    Json.createObjectBuilder().add("seat_id", seatId).add("at", at));
            Shapes.assertValidationError(reply, "value_error", "body", "items", 1, "at");
            assertTrue(seat(seatId).isNull("last_active_at"), at + " wrote: " + seat(seatId));
        }
        var recent = OffsetDateTime.now(ZoneOffset.UTC).minusDays(400).truncatedTo(ChronoUnit.SECONDS);
        var reply = report(Json.createObjectBuilder().add("seat_id", seatId).add("at", recent.toString()));
        assertEquals(1, reply.json().getInt("accepted"), reply.toString());
        assertEquals(recent.toInstant(), instant(seat(seatId), "last_active_at").toInstant());
    }

    /**
     * Batches that name the same seats at once, each seat at its own time and in its own order, as reporters running
     * side by side send them: every batch is answered 200 with every item accepted (no 503 from two batches waiting
     * for each other's seats), and each seat ends at the latest time reported. A person named with a container in
     * which they hold a seat beside an earlier, revoked one reports for the held seat; a member named by external id
     * reports for their seat.
     */
    public void batchesNamingTheSameSeatsAtOnceAllAnswerAndKeepTheLatest() throws Exception {
        var seats = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            seats.add(claimed("racing" + i).getJsonObject("seat").getString("id"));
        }
        var first = claimed("returning").getJsonObject("seat");
        String email = first.getString("email");
        assertEquals(
                200,
                api.delete("/v1/customer-seats/" + first.getString("id"), tenant.token())
                        .status());
        String held = fixtures.claim(
                        fixtures.assign(tenant, subscriptionId, email).getString("invitation_token"))
                .getJsonObject("seat")
                .getString("id");
        var base = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
        int batches = 8;
        var replies = Concurrently.run(batches, b -> {
            var items = Json.createArrayBuilder();
            for (int i = 0; i < seats.size(); i++) {
                int seat = (i * (b % 2 == 0 ? 1 : -1) + b + seats.size()) % seats.size();
                items.add(Json.createObjectBuilder()
                        .add("seat_id", seats.get(seat))
                        .add("at", base.plusMinutes(2L * b + seat).toString()));
            }
            items.add(Json.createObjectBuilder()
                    .add("email", email)
                    .add("subscription_id", subscriptionId)
                    .add("at", base.plusMinutes(2L * b).toString()));
            return api.post(
                    ACTIVITY,
                    tenant.token(),
                    Json.createObjectBuilder().add("items", items).build());
        });
        for (var reply : replies) {
            assertEquals(200, reply.status(), reply.toString());
            assertEquals(seats.size() + 1, reply.json().getInt("accepted"), reply.toString());
        }
        for (int seat = 0; seat < seats.size(); seat++) {
            assertEquals(
                    base.plusMinutes(2L * (batches - 1) + seat).toInstant(),
                    instant(seat(seats.get(seat)), "last_active_at").toInstant());
        }
        assertEquals(
                base.plusMinutes(2L * (batches - 1)).toInstant(),
                instant(seat(held), "last_active_at").toInstant());
        assertTrue(seat(first.getString("id")).isNull("last_active_at"), "the revoked seat is not written");

        // A member named by their external id.
        String externalEmail = Fixtures.email("external");
        String externalId = "ext-" + held;
        var member = api.post(
                "/v1/customers/" + customerId + "/members",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("email", externalEmail)
                        .add("external_id", externalId)
                        .build());
        assertTrue(member.status() < 300, member.toString());
        String external = fixtures.claim(
                        fixtures.assign(tenant, subscriptionId, externalEmail).getString("invitation_token"))
                .getJsonObject("seat")
                .getString("id");
        var byExternal = report(Json.createObjectBuilder()
                .add("external_member_id", externalId)
                .add("subscription_id", subscriptionId)
                .add("at", base.toString()));
        assertEquals(1, byExternal.json().getInt("accepted"), byExternal.toString());
        assertEquals(base.toInstant(), instant(seat(external), "last_active_at").toInstant());
    }

    /** The activity route: accepted and ignored items, the forward-only, once-a-minute write, and its validation. */
    public void activityIsAcceptedForwardOnlyAndAtMostOnceAMinute() {
        var claimed = claimed("active").getJsonObject("seat");
        String seatId = claimed.getString("id");
        assertTrue(claimed.containsKey("last_active_at") && claimed.isNull("last_active_at"));
        assertTrue(claimed.containsKey("reclaim_at") && claimed.isNull("reclaim_at"));
        String revoked = claimed("gone").getJsonObject("seat").getString("id");
        assertEquals(
                200, api.delete("/v1/customer-seats/" + revoked, tenant.token()).status());
        var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String hourAgo = now.minusHours(1).toString();

        var reply = report(
                Json.createObjectBuilder().add("seat_id", seatId).add("at", hourAgo),
                Json.createObjectBuilder().add("seat_id", "00000000-0000-4000-8000-000000000000"),
                Json.createObjectBuilder().add("seat_id", revoked),
                Json.createObjectBuilder()
                        .add("seat_id", seatId)
                        .add("at", now.plusHours(1).toString()),
                Json.createObjectBuilder()
                        .add("email", claimed.getString("email").toUpperCase())
                        .add("subscription_id", subscriptionId)
                        .add("at", hourAgo));
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(2, reply.json().getInt("accepted"));
        assertEquals(
                Map.of(1, "unknown_seat", 2, "revoked_seat", 3, "future_time"),
                reply.json().getJsonArray("ignored").getValuesAs(JsonObject.class).stream()
                        .collect(Collectors.toMap(i -> i.getInt("index"), i -> i.getString("reason"))));
        var stored = seat(seatId);
        Shapes.assertKeys(Shapes.CUSTOMER_SEAT, stored);
        assertEquals(
                now.minusHours(1).toInstant(), instant(stored, "last_active_at").toInstant());

        // Within a minute of the stored time, or older: accepted, nothing written.
        for (var at : List.of(now.minusHours(1).plusSeconds(30), now.minusHours(2))) {
            var again = report(Json.createObjectBuilder().add("seat_id", seatId).add("at", at.toString()));
            assertEquals(1, again.json().getInt("accepted"));
            assertEquals(
                    now.minusHours(1).toInstant(),
                    instant(seat(seatId), "last_active_at").toInstant());
        }
        // A reported seat is judged from its activity row (V13): another organization does not find it, and once the
        // seat is revoked its reports within the minute of the stored time (which read no seat row) are ignored as
        // revoked.
        var other = fixtures.tenant(true, true);
        var foreign = api.post(
                ACTIVITY,
                other.token(),
                Json.createObjectBuilder()
                        .add(
                                "items",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder().add("seat_id", seatId)))
                        .build());
        assertEquals(200, foreign.status(), foreign.toString());
        assertEquals(0, foreign.json().getInt("accepted"), foreign.toString());
        assertEquals(
                "unknown_seat",
                foreign.json().getJsonArray("ignored").getJsonObject(0).getString("reason"));
        String reportedThenRevoked =
                claimed("reported-gone").getJsonObject("seat").getString("id");
        assertEquals(
                1,
                report(Json.createObjectBuilder()
                                .add("seat_id", reportedThenRevoked)
                                .add("at", now.minusSeconds(30).toString()))
                        .json()
                        .getInt("accepted"));
        assertEquals(
                200,
                api.delete("/v1/customer-seats/" + reportedThenRevoked, tenant.token())
                        .status());
        var afterRevoke = report(
                Json.createObjectBuilder()
                        .add("seat_id", reportedThenRevoked)
                        .add("at", now.minusSeconds(20).toString()),
                Json.createObjectBuilder().add("seat_id", reportedThenRevoked).add("at", now.toString()));
        assertEquals(0, afterRevoke.json().getInt("accepted"), afterRevoke.toString());
        assertEquals(
                Map.of(0, "revoked_seat", 1, "revoked_seat"),
                afterRevoke.json().getJsonArray("ignored").getValuesAs(JsonObject.class).stream()
                        .collect(Collectors.toMap(i -> i.getInt("index"), i -> i.getString("reason"))));
        assertEquals(
                now.minusSeconds(30).toInstant(),
                instant(seat(reportedThenRevoked), "last_active_at").toInstant(),
                "a revoked seat keeps its last time");

        var later = report(Json.createObjectBuilder()
                .add("member_id", stored.getString("member_id"))
                .add("subscription_id", subscriptionId)
                .add("at", now.minusMinutes(50).toString()));
        assertEquals(1, later.json().getInt("accepted"));
        assertEquals(
                now.minusMinutes(50).toInstant(),
                instant(seat(seatId), "last_active_at").toInstant());

        assertEquals(422, report().status(), "no item");
        var tooMany = Json.createArrayBuilder();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Json.createObjectBuilder().add("seat_id", seatId));
        }
        assertEquals(
                422,
                api.post(
                                ACTIVITY,
                                tenant.token(),
                                Json.createObjectBuilder().add("items", tooMany).build())
                        .status());
        var neither = report(Json.createObjectBuilder().add("email", "a@b.example"));
        assertEquals(422, neither.status(), "a person needs a container");
        var key = Map.of("Idempotency-Key", "activity-" + seatId);
        var body = Json.createObjectBuilder()
                .add(
                        "items",
                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("seat_id", seatId)))
                .build();
        var first = api.post(ACTIVITY, tenant.token(), body, key);
        assertEquals(200, first.status());
        assertEquals(first.json(), api.post(ACTIVITY, tenant.token(), body, key).json());
    }

    /** The policy's bounds are validated (422 at the field), its defaults shown, and a PATCH changes only what it names. */
    public void policyIsValidatedAndShown() {
        var org = api.get("/v1/organizations/" + tenant.organizationId(), tenant.token());
        var defaults = org.json().getJsonObject("feature_settings").getJsonObject("seat_reclaim");
        assertFalse(defaults.getBoolean("enabled"));
        assertEquals(7, defaults.getInt("warn_days_before"));
        assertTrue(defaults.isNull("unclaimed_after_days"));
        assertEquals(
                List.of("owner", "billing_manager"),
                defaults.getJsonArray("exempt_roles").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        for (var bad : List.of(
                Map.entry("inactive_after_days", 6),
                Map.entry("unclaimed_after_days", 0),
                Map.entry("warn_days_before", 31),
                Map.entry("warn_days_before", -1))) {
            var reply = setPolicy(Json.createObjectBuilder().add(bad.getKey(), bad.getValue()));
            assertEquals(422, reply.status(), bad + " " + reply);
            assertEquals(
                    List.of("body", "feature_settings", "seat_reclaim", bad.getKey()),
                    reply.json().getJsonArray("detail").getJsonObject(0).getJsonArray("loc").stream()
                            .map(v -> ((jakarta.json.JsonString) v).getString())
                            .toList());
        }
        var role = setPolicy(Json.createObjectBuilder()
                .add("exempt_roles", Json.createArrayBuilder().add("admin")));
        assertEquals(422, role.status(), role.toString());
        var ok = setPolicy(Json.createObjectBuilder().add("enabled", true).add("inactive_after_days", 7));
        assertEquals(200, ok.status(), ok.toString());
        var policy = ok.json().getJsonObject("feature_settings").getJsonObject("seat_reclaim");
        assertTrue(policy.getBoolean("enabled"));
        assertEquals(7, policy.getInt("inactive_after_days"));
        assertEquals(7, policy.getInt("warn_days_before"), "left as it was");
        var created = api.post(
                "/v1/organizations/",
                Fixtures.OPERATOR,
                Json.createObjectBuilder()
                        .add("name", "Reclaiming")
                        .add("slug", "reclaim-" + System.nanoTime())
                        .add(
                                "feature_settings",
                                Json.createObjectBuilder()
                                        .add(
                                                "seat_reclaim",
                                                Json.createObjectBuilder()
                                                        .add("enabled", true)
                                                        .add("inactive_after_days", 14)
                                                        .add("unclaimed_after_days", 3)
                                                        .add("warn_days_before", 0)
                                                        .add("exempt_roles", Json.createArrayBuilder())))
                        .build());
        assertEquals(201, created.status(), created.toString());
        var shown = created.json().getJsonObject("feature_settings").getJsonObject("seat_reclaim");
        assertEquals(3, shown.getInt("unclaimed_after_days"));
        assertEquals(0, shown.getInt("warn_days_before"));
        assertTrue(shown.getJsonArray("exempt_roles").isEmpty());
        setPolicy(Json.createObjectBuilder().add("enabled", false));
    }

    /** A member of the billing customer with the role holds a claimed seat; returns the seat's id. */
    String seatOfRole(String role) {
        var member = api.post(
                "/v1/customers/" + customerId + "/members",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("email", Fixtures.email(role))
                        .add("role", role)
                        .build());
        assertEquals(201, member.status(), member.toString());
        var seat = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add("member_id", member.string("id"))
                        .add("immediate_claim", true)
                        .build());
        assertEquals(200, seat.status(), seat.toString());
        return seat.string("id");
    }

    private List<JsonObject> preview() {
        var reply = api.get("/v1/customer-seats/reclaim-preview?subscription_id=" + subscriptionId, tenant.token());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private List<String> events(String type) {
        return fixtures.seatEvents(tenant).getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("type").equals(type))
                .map(e -> e.getJsonObject("payload").getJsonObject("data").getString("id"))
                .toList();
    }

    /**
     * The whole path: the preview says what will happen; time passes; idle seats are warned (reclaim_at, event), an
     * unclaimed invitation is revoked without warning, an exempt role is kept; "keep my seat" clears a warning, and
     * so does the organization's report of the seat (the revoked invitation in the same batch gets no time); a
     * policy change withdraws a warning at the next run; the seat nobody kept is reclaimed and its session ends.
     */
    public void idleSeatsAreWarnedKeptOrReclaimed() {
        assertEquals(
                200,
                setPolicy(Json.createObjectBuilder()
                                .add("enabled", true)
                                .add("inactive_after_days", 10)
                                .add("warn_days_before", 3)
                                .add("unclaimed_after_days", 5))
                        .status());
        var idle = claimed("idle");
        String idleId = idle.getJsonObject("seat").getString("id");
        var keeper = claimed("keeper");
        String keeperId = keeper.getJsonObject("seat").getString("id");
        String third = claimed("third").getJsonObject("seat").getString("id");
        String reported = claimed("reported").getJsonObject("seat").getString("id");
        // Reported once now, so that its warning below is given to a seat with an activity row (V15: the row says
        // whether a warning is pending, and the organization's report further down is judged from it).
        var first = report(Json.createObjectBuilder().add("seat_id", reported));
        assertEquals(1, first.json().getInt("accepted"), first.toString());
        String exempt = seatOfRole("billing_manager");
        String pending = fixtures.assign(tenant, subscriptionId, Fixtures.email("pending"))
                .getString("id");

        var before = preview();
        Map<String, String> actions = before.stream()
                .collect(Collectors.toMap(i -> i.getJsonObject("seat").getString("id"), i -> i.getString("action")));
        assertEquals(
                Map.of(idleId, "warn", keeperId, "warn", third, "warn", reported, "warn", pending, "reclaim"), actions);
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        for (var item : before) {
            long days = item.getString("action").equals("warn") ? 7 : 5;
            long off = ChronoUnit.MINUTES.between(now.plusDays(days), instant(item, "at"));
            assertTrue(Math.abs(off) < 5, item.toString());
        }
        assertEquals(
                actions,
                preview().stream()
                        .collect(Collectors.toMap(
                                i -> i.getJsonObject("seat").getString("id"), i -> i.getString("action"))),
                "the preview changed nothing");

        for (String id : List.of(idleId, keeperId, third, reported, exempt, pending)) {
            age(id, 8);
        }
        for (String id : List.of(idleId, keeperId, third, reported)) {
            var warned = await(id, s -> !s.isNull("reclaim_at"), "warned");
            long off = ChronoUnit.MINUTES.between(now.plusDays(3), instant(warned, "reclaim_at"));
            assertTrue(Math.abs(off) < 5, "a warning gives the full warn_days_before: " + warned);
        }
        var unclaimed = await(pending, s -> s.getString("status").equals("revoked"), "unclaimed revoked");
        assertEquals("unclaimed", unclaimed.getString("revocation_reason"));
        assertEquals(
                List.of(idleId, keeperId, third, reported).stream().sorted().toList(),
                events("customer_seat.inactivity_warning").stream().sorted().toList());
        assertFalse(events("customer_seat.inactivity_warning").contains(pending), "no warning for an invitation");
        assertTrue(seat(exempt).isNull("reclaim_at"), "exempt roles are never warned");

        var kept = api.post(
                "/v1/customer-portal/seats/" + keeperId + "/activity", keeper.getString("customer_session_token"), "");
        assertEquals(200, kept.status(), kept.toString());
        assertTrue(kept.json().isNull("reclaim_at"));
        assertFalse(kept.json().isNull("last_active_at"));
        var other = api.post(
                "/v1/customer-portal/seats/" + keeperId + "/activity", idle.getString("customer_session_token"), "");
        assertEquals(403, other.status(), "only the holder keeps a seat: " + other);
        // The organization's report of a warned seat clears its warning too (the seat's own row is written then, the
        // time in its activity row); the seat revoked meanwhile is ignored and gets no time. The reported seat has an
        // activity row, so the report reads only that row: it must know of the warning from it.
        String at = OffsetDateTime.now(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        var batch = report(
                Json.createObjectBuilder().add("seat_id", reported).add("at", at),
                Json.createObjectBuilder().add("seat_id", pending).add("at", at));
        assertEquals(200, batch.status(), batch.toString());
        assertEquals(1, batch.json().getInt("accepted"), batch.toString());
        assertEquals(
                "revoked_seat",
                batch.json().getJsonArray("ignored").getJsonObject(0).getString("reason"));
        var reportedSeat = seat(reported);
        assertTrue(reportedSeat.isNull("reclaim_at"), reportedSeat.toString());
        assertEquals(
                OffsetDateTime.parse(at).toInstant(),
                instant(reportedSeat, "last_active_at").toInstant());
        assertTrue(seat(pending).isNull("last_active_at"), "the revoked seat has no time");

        age(idleId, 4);
        var reclaimed = await(idleId, s -> s.getString("status").equals("revoked"), "reclaimed");
        assertEquals("inactivity", reclaimed.getString("revocation_reason"));
        assertEquals(
                401,
                api.get(INTROSPECT, idle.getString("customer_session_token")).status(),
                "session ended");
        assertEquals("claimed", seat(keeperId).getString("status"));
        assertEquals("claimed", seat(reported).getString("status"));
        assertEquals("claimed", seat(exempt).getString("status"));
        assertEquals(
                1,
                events("customer_seat.revoked").stream().filter(idleId::equals).count());
        // The seat's history (contract, "Beyond Polar: audit trail"): the system warned and reclaimed it.
        var history = api.get("/v1/customer-seats/" + idleId + "/history", tenant.token())
                .json()
                .getJsonArray("items");
        assertEquals(
                List.of(
                        "assigned",
                        "claimed",
                        "reclaim_warned system inactivity inactivity",
                        "revoked system inactivity inactivity"),
                history.getValuesAs(JsonObject.class).stream()
                        .map(e -> e.getString("action").startsWith("re")
                                ? e.getString("action") + " "
                                        + e.getJsonObject("actor").getString("type") + " "
                                        + e.getJsonObject("actor").getString("id") + " " + e.getString("reason")
                                : e.getString("action"))
                        .toList());

        // Idle for 8 days: due for a warning under inactive_after_days 10, no longer under 30, which the next run
        // applies by withdrawing the warning.
        assertEquals(
                200,
                setPolicy(Json.createObjectBuilder().add("inactive_after_days", 30))
                        .status());
        await(third, s -> s.isNull("reclaim_at"), "warning withdrawn after the policy change");
    }

    /**
     * "Keep my seat" on a seat already revoked (the warning's link clicked after the reclaim, or a seat the
     * organization revoked) changes nothing: a revoked seat keeps its dates only, so its former holder is no longer
     * its holder (403 NotPermitted, while their session lives on through another seat), and the seat gets no time.
     * A holder left without a seat has no session any more (401).
     */
    public void keepingARevokedSeatChangesNothing() {
        String email = Fixtures.email("two-seats");
        var first =
                fixtures.claim(fixtures.assign(tenant, subscriptionId, email).getString("invitation_token"));
        String firstId = first.getJsonObject("seat").getString("id");
        String other = fixtures.subscription(tenant, productId, customerId, 2).getString("id");
        String session = fixtures.claim(fixtures.assign(tenant, other, email).getString("invitation_token"))
                .getString("customer_session_token");
        assertEquals(
                200, api.delete("/v1/customer-seats/" + firstId, tenant.token()).status());

        var kept = api.post("/v1/customer-portal/seats/" + firstId + "/activity", session, "");
        assertEquals(403, kept.status(), kept.toString());
        assertEquals("NotPermitted", kept.json().getString("error"), kept.toString());
        var stored = seat(firstId);
        assertEquals("revoked", stored.getString("status"));
        assertTrue(stored.isNull("last_active_at"), "a revoked seat gets no time: " + stored);
        assertEquals(200, api.get(INTROSPECT, session).status(), "the other seat keeps the session");

        var alone = claimed("one-seat");
        String aloneId = alone.getJsonObject("seat").getString("id");
        assertEquals(
                200, api.delete("/v1/customer-seats/" + aloneId, tenant.token()).status());
        var ended = api.post(
                "/v1/customer-portal/seats/" + aloneId + "/activity", alone.getString("customer_session_token"), "");
        assertEquals(401, ended.status(), ended.toString());
        assertTrue(seat(aloneId).isNull("last_active_at"));
    }

    /**
     * A seat's first report racing its revocation (contract: a revoked seat's reports are ignored): the report waits
     * for the revocation, which holds the seat's row lock, and then leaves the revoked seat without an activity row;
     * the seat's later reports are ignored as revoked whatever their time. (Before the report took that lock, it wrote
     * an unrevoked first row beside the revocation, and reports within that row's minute were accepted ever after.)
     */
    public void aFirstReportRacingARevocationLeavesTheSeatRevoked() throws Exception {
        String seatId = claimed("raced").getJsonObject("seat").getString("id");
        String hold = "/test-support/seats/" + seatId + "/revocation/hold";
        var revocation = CompletableFuture.supplyAsync(() -> api.post(hold, tenant.token(), ""));
        assertEquals(204, api.get(hold, null).status(), "the revocation is held");
        var at = OffsetDateTime.now(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS)
                .minusSeconds(30);
        var first = CompletableFuture.supplyAsync(
                () -> report(Json.createObjectBuilder().add("seat_id", seatId).add("at", at.toString())));
        sleep(700);
        assertFalse(first.isDone(), "the first report waits for the revocation holding the seat");
        assertEquals(204, api.delete(hold, null).status());
        assertEquals(204, revocation.get(15, TimeUnit.SECONDS).status(), "the revocation committed");
        var answered = first.get(15, TimeUnit.SECONDS);
        assertEquals(200, answered.status(), answered.toString());

        var later = report(Json.createObjectBuilder()
                .add("seat_id", seatId)
                .add("at", at.plusSeconds(10).toString()));
        assertEquals(200, later.status(), later.toString());
        assertEquals(0, later.json().getInt("accepted"), later.toString());
        assertEquals(
                "revoked_seat",
                later.json().getJsonArray("ignored").getJsonObject(0).getString("reason"));
        var stored = seat(seatId);
        assertEquals("revoked", stored.getString("status"));
        assertTrue(stored.isNull("last_active_at"), "the revoked seat has no time: " + stored);
    }
}

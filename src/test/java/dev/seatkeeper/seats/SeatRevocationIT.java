package dev.seatkeeper.seats;

import static dev.seatkeeper.testing.Shapes.assertError;
import static dev.seatkeeper.testing.Shapes.assertKeys;
import static dev.seatkeeper.testing.Shapes.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.audit.AuditScenarios;
import dev.seatkeeper.entitlements.EntitlementScenarios;
import dev.seatkeeper.reclaim.ReclaimScenarios;
import dev.seatkeeper.testing.Api;
import dev.seatkeeper.testing.ApiTest;
import dev.seatkeeper.testing.Concurrently;
import dev.seatkeeper.testing.Fixtures;
import dev.seatkeeper.testing.Receiver;
import dev.seatkeeper.testing.Shapes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Revoking seats from the portal, by the organization and with the subscription; what happens to sessions. */
class SeatRevocationIT extends ApiTest {
    private static final String INTROSPECT = "/v1/customer-portal/customer-session/introspect";

    Fixtures.Tenant tenant;
    String productId;
    String customerId;
    String subscriptionId;
    /** The billing customer's own portal session: in the member model, its owner's member session. */
    String ownerSession;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant(true, true);
        productId = fixtures.product(tenant, "month").getString("id");
        customerId = fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
        subscriptionId = fixtures.subscription(tenant, productId, customerId, 3).getString("id");
        ownerSession = fixtures.session(tenant, customerId).getString("token");
    }

    private JsonObject claimedSeat(String email) {
        return fixtures.claim(fixtures.assign(tenant, subscriptionId, email).getString("invitation_token"));
    }

    private String seatsPath() {
        return "/v1/customer-portal/seats/";
    }

    private JsonObject listed() {
        return api.get("/v1/customer-seats?subscription_id=" + subscriptionId, tenant.token())
                .json();
    }

    @Test
    void ownerRevokesAClaimedSeatAndTheHoldersSessionEnds() {
        var claimed = claimedSeat(Fixtures.email("holder"));
        var seat = claimed.getJsonObject("seat");
        String holderSession = claimed.getString("customer_session_token");
        assertEquals(200, api.get(INTROSPECT, holderSession).status());
        assertEquals(2, listed().getInt("available_seats"));

        var reply = api.delete(seatsPath() + seat.getString("id"), ownerSession);
        assertEquals(200, reply.status(), reply.toString());
        var revoked = reply.json();
        assertKeys(Shapes.CUSTOMER_SEAT, revoked);
        assertEquals("revoked", revoked.getString("status"));
        assertFalse(revoked.isNull("revoked_at"));
        assertFalse(revoked.isNull("claimed_at"), "history keeps when it was claimed");
        for (String cleared : List.of("customer_id", "member_id", "member", "email", "customer_email")) {
            assertTrue(revoked.isNull(cleared), cleared + " is cleared");
        }
        assertEquals(subscriptionId, revoked.getString("subscription_id"));

        assertEquals(3, listed().getInt("available_seats"), "capacity is freed at once");
        var introspect = api.get(INTROSPECT, holderSession);
        assertEquals(401, introspect.status(), "the holder's session ended: " + introspect);
        assertEquals("invalid_token", introspect.string("error"));
        assertEquals(200, api.get(INTROSPECT, ownerSession).status(), "the owner keeps theirs");
        assertEquals(
                List.of("customer_seat.assigned", "customer_seat.claimed", "customer_seat.revoked"),
                fixtures.seatEvents(tenant).stream()
                        .map(e -> e.asJsonObject().getString("type"))
                        .toList());
    }

    @Test
    void revokingTwiceReturnsTheSeatUnchangedAndRecordsOnce() {
        String seatId =
                claimedSeat(Fixtures.email("twice")).getJsonObject("seat").getString("id");
        var first = api.delete(seatsPath() + seatId, ownerSession);
        var second = api.delete(seatsPath() + seatId, ownerSession);
        assertEquals(200, second.status());
        assertEquals(first.json(), second.json());
        assertEquals(
                1,
                fixtures.seatEvents(tenant).stream()
                        .filter(e -> e.asJsonObject().getString("type").equals("customer_seat.revoked"))
                        .count());
    }

    @Test
    void credentialsAreCheckedFirst() {
        String seatId =
                claimedSeat(Fixtures.email("creds")).getJsonObject("seat").getString("id");
        assertError(api.delete(seatsPath() + seatId, null), 401, "Unauthorized", "Unauthorized");
        var invalid = api.delete(seatsPath() + seatId, "polar_cst_abcdefghijklmnopqrstuvwxyzABCDEFGHIJK4WQsSZ");
        assertEquals(401, invalid.status());
        assertEquals("invalid_token", invalid.string("error"));
        assertError(api.delete(seatsPath() + seatId, tenant.token()), 401, "Unauthorized", "Unauthorized");
        assertEquals(401, api.delete(seatsPath() + "not-a-uuid", null).status(), "401 comes before 422");
        assertEquals("claimed", listed().getJsonArray("seats").getJsonObject(0).getString("status"));
    }

    @Test
    void plainMembersMayNotRevokeButBillingManagersMay() {
        var holder = claimedSeat(Fixtures.email("plain"));
        String plainSession = holder.getString("customer_session_token");
        String target =
                claimedSeat(Fixtures.email("target")).getJsonObject("seat").getString("id");
        assertError(
                api.delete(seatsPath() + target, plainSession),
                403,
                "NotPermitted",
                "Only owners and billing managers can access billing features.");
        assertError(api.delete(seatsPath() + "not-a-uuid", plainSession), 403, "NotPermitted", null);

        String billingManager = fixtures.memberSession(tenant, customerId, "billing_manager");
        var reply = api.delete(seatsPath() + target, billingManager);
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("revoked", reply.string("status"));
        assertEquals(200, api.get(INTROSPECT, billingManager).status());
    }

    @Test
    void malformedMissingAndForeignSeatsAnswerAsTheContractSays() {
        assertValidationError(api.delete(seatsPath() + "not-a-uuid", ownerSession), "uuid_parsing", "path", "seat_id");
        assertError(
                api.delete(seatsPath() + UUID.randomUUID(), ownerSession), 404, "ResourceNotFound", "Seat not found");

        String otherCustomer =
                fixtures.customer(tenant, Fixtures.email("neighbour")).getString("id");
        String otherSubscription =
                fixtures.subscription(tenant, productId, otherCustomer, 2).getString("id");
        String neighbours =
                fixtures.assign(tenant, otherSubscription, Fixtures.email("n")).getString("id");
        assertError(api.delete(seatsPath() + neighbours, ownerSession), 404, "ResourceNotFound", "Seat not found");

        var otherTenant = fixtures.tenant(true, true);
        String theirCustomer =
                fixtures.customer(otherTenant, Fixtures.email("far")).getString("id");
        String theirSubscription = fixtures.subscription(
                        otherTenant, fixtures.product(otherTenant, "month").getString("id"), theirCustomer, 2)
                .getString("id");
        String theirSeat = fixtures.assign(otherTenant, theirSubscription, Fixtures.email("t"))
                .getString("id");
        assertError(api.delete(seatsPath() + theirSeat, ownerSession), 404, "ResourceNotFound", "Seat not found");
        assertError(
                api.delete("/v1/customer-seats/" + theirSeat, tenant.token()),
                404,
                "ResourceNotFound",
                "Seat not found");
        assertEquals(
                "pending",
                api.get("/v1/customer-seats?subscription_id=" + theirSubscription, otherTenant.token())
                        .json()
                        .getJsonArray("seats")
                        .getJsonObject(0)
                        .getString("status"),
                "nothing changed");
    }

    @Test
    void legacyBillingCustomerRevokesWithACustomerSession() {
        var legacy = fixtures.tenant(true, false);
        String billing = fixtures.customer(legacy, Fixtures.email("legacy")).getString("id");
        String subscription = fixtures.subscription(
                        legacy, fixtures.product(legacy, "year").getString("id"), billing, 2)
                .getString("id");
        var claimed = fixtures.claim(
                fixtures.assign(legacy, subscription, Fixtures.email("lh")).getString("invitation_token"));
        String session = fixtures.session(legacy, billing).getString("token");
        assertTrue(session.startsWith("polar_cst_"));
        var reply = api.delete(seatsPath() + claimed.getJsonObject("seat").getString("id"), session);
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("revoked", reply.string("status"));
        assertEquals(
                401,
                api.get(INTROSPECT, claimed.getString("customer_session_token")).status());
    }

    @Test
    void featureIsCheckedAfterTheSeatIsFound() {
        String seatId =
                claimedSeat(Fixtures.email("feat")).getJsonObject("seat").getString("id");
        fixtures.disableSeats(tenant);
        assertError(
                api.delete(seatsPath() + UUID.randomUUID(), ownerSession), 404, "ResourceNotFound", "Seat not found");
        assertError(
                api.delete(seatsPath() + seatId, ownerSession),
                403,
                "FeatureNotEnabled",
                "Seat-based pricing is not enabled for this organization");
        assertError(api.delete("/v1/customer-seats/" + seatId, tenant.token()), 403, "FeatureNotEnabled", null);
    }

    @Test
    void aMemberWithAnotherClaimedSeatOfTheCustomerKeepsTheSession() {
        String email = Fixtures.email("two-seats");
        var first = claimedSeat(email);
        String secondSubscription =
                fixtures.subscription(tenant, productId, customerId, 1).getString("id");
        var second = fixtures.claim(
                fixtures.assign(tenant, secondSubscription, email).getString("invitation_token"));
        assertEquals(
                first.getJsonObject("seat").getString("member_id"),
                second.getJsonObject("seat").getString("member_id"));
        assertEquals(
                200,
                api.delete(seatsPath() + first.getJsonObject("seat").getString("id"), ownerSession)
                        .status());
        assertEquals(
                200,
                api.get(INTROSPECT, second.getString("customer_session_token")).status(),
                "still holds a claimed seat");
        assertEquals(
                200,
                api.delete(seatsPath() + second.getJsonObject("seat").getString("id"), ownerSession)
                        .status());
        assertEquals(
                401,
                api.get(INTROSPECT, second.getString("customer_session_token")).status());
    }

    @Test
    void revokedSeatStaysAsHistoryAndANewAssignmentIsANewSeat() {
        String email = Fixtures.email("again");
        String firstId = fixtures.assign(tenant, subscriptionId, email).getString("id");
        assertEquals(
                200, api.delete("/v1/customer-seats/" + firstId, tenant.token()).status());
        String secondId = fixtures.assign(tenant, subscriptionId, email).getString("id");
        assertNotEquals(firstId, secondId);
        var seats = listed().getJsonArray("seats");
        assertEquals(2, seats.size());
        assertEquals("revoked", seats.getJsonObject(0).getString("status"));
        assertEquals("pending", seats.getJsonObject(1).getString("status"));
        assertEquals(2, listed().getInt("available_seats"));
    }

    @Test
    void organizationRevokeHasTheSameEffects() {
        var claimed = claimedSeat(Fixtures.email("org"));
        String seatId = claimed.getJsonObject("seat").getString("id");
        var reply = api.delete("/v1/customer-seats/" + seatId, tenant.token());
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("revoked", reply.string("status"));
        assertTrue(reply.json().isNull("member_id"));
        assertEquals(
                401,
                api.get(INTROSPECT, claimed.getString("customer_session_token")).status());
        assertValidationError(api.delete("/v1/customer-seats/123", tenant.token()), "uuid_parsing", "path", "seat_id");
        var readOnly = fixtures.token(tenant.organizationId(), List.of("customer_seats:read"));
        assertEquals(403, api.delete("/v1/customer-seats/" + seatId, readOnly).status());
    }

    @Test
    void revokingTheSubscriptionRevokesEverySeat() {
        var claimed = claimedSeat(Fixtures.email("sub-claimed"));
        fixtures.assign(tenant, subscriptionId, Fixtures.email("sub-pending"));
        var reply = api.delete("/v1/subscriptions/" + subscriptionId, tenant.token());
        assertEquals(200, reply.status(), reply.toString());
        var seats = listed().getJsonArray("seats");
        assertEquals(2, seats.size());
        seats.forEach(s -> assertEquals("revoked", s.asJsonObject().getString("status")));
        assertEquals(
                401,
                api.get(INTROSPECT, claimed.getString("customer_session_token")).status());
        assertEquals(
                2,
                fixtures.seatEvents(tenant).stream()
                        .filter(e -> e.asJsonObject().getString("type").equals("customer_seat.revoked"))
                        .count());
    }

    @Test
    void subscriptionCannotShrinkBelowItsAssignedSeats() {
        claimedSeat(Fixtures.email("a"));
        fixtures.assign(tenant, subscriptionId, Fixtures.email("b"));
        assertError(
                api.patch(
                        "/v1/subscriptions/" + subscriptionId,
                        tenant.token(),
                        Json.createObjectBuilder().add("seats", 1).build()),
                400,
                "SeatsAlreadyAssigned",
                "Cannot decrease seats to 1. Currently 2 seats are assigned. Revoke seats first.");
        assertEquals(
                200,
                api.patch(
                                "/v1/subscriptions/" + subscriptionId,
                                tenant.token(),
                                Json.createObjectBuilder().add("seats", 2).build())
                        .status());
    }

    @Test
    void aRevokeRacingAClaimLeavesAConsistentSeat() throws Exception {
        for (int round = 0; round < 8; round++) {
            var seat = fixtures.assign(tenant, subscriptionId, Fixtures.email("race" + round));
            String token = seat.getString("invitation_token");
            String seatId = seat.getString("id");
            List<Api.Reply> replies = Concurrently.run(
                    2,
                    i -> i == 0
                            ? api.post(
                                    "/v1/customer-seats/claim",
                                    null,
                                    Json.createObjectBuilder()
                                            .add("invitation_token", token)
                                            .build())
                            : api.delete(seatsPath() + seatId, ownerSession));
            var claim = replies.stream()
                    .filter(r -> r.json().containsKey("seat") || r.status() == 400)
                    .findFirst()
                    .orElseThrow();
            var revoke = replies.stream().filter(r -> r != claim).findFirst().orElseThrow();
            assertEquals(200, revoke.status(), revoke.toString());
            var stored = listed().getJsonArray("seats").stream()
                    .map(v -> v.asJsonObject())
                    .filter(s -> s.getString("id").equals(seatId))
                    .findFirst()
                    .orElseThrow();
            assertEquals("revoked", stored.getString("status"));
            assertTrue(stored.isNull("member_id") && stored.isNull("email"));
            if (claim.status() == 200) {
                assertFalse(stored.isNull("claimed_at"), "claimed, then revoked");
                assertEquals(
                        401,
                        api.get(INTROSPECT, claim.string("customer_session_token"))
                                .status(),
                        "a claim that won the race lost its session to the revoke");
            } else {
                assertError(claim, 400, "InvalidInvitationToken", null);
                assertTrue(stored.isNull("claimed_at"), "revoked before anyone claimed it");
            }
        }
        assertEquals(3, listed().getInt("available_seats"));
    }

    // --- Seat changes on a schedule (contract, "Beyond Polar: seat changes on a schedule") ---
    // The tests' scheduler runs every second (SEATKEEPER_SCHEDULER_INTERVAL in pom.xml).

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** A subscription of 3 seats whose first period ends at {@code periodEnd}. */
    private JsonObject subscriptionEnding(OffsetDateTime periodEnd, int seats) {
        var reply = api.post(
                "/v1/subscriptions/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("product_id", productId)
                        .add("customer_id", customerId)
                        .add("seats", seats)
                        .add("current_period_end", periodEnd.toString())
                        .build());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    private static OffsetDateTime inSeconds(int seconds) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(seconds);
    }

    /** The organization's recorded events of one type, oldest first, as their {@code data}. */
    private List<JsonObject> events(String type) {
        var reply = api.get("/test-support/events/" + tenant.organizationId(), null);
        assertEquals(200, reply.status(), reply.toString());
        return Api.json("{\"e\":" + reply.text() + "}").getJsonArray("e").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("type").equals(type))
                .map(e -> e.getJsonObject("payload").getJsonObject("data"))
                .toList();
    }

    private List<JsonObject> eventsOf(String type, String seatId) {
        return events(type).stream()
                .filter(d -> d.getString("id").equals(seatId))
                .toList();
    }

    private JsonObject seat(String subscription, String seatId) {
        var reply = api.get("/v1/customer-seats?subscription_id=" + subscription, tenant.token());
        return reply.json().getJsonArray("seats").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("id").equals(seatId))
                .findFirst()
                .orElseThrow();
    }

    private boolean revoked(String subscription, String seatId) {
        return "revoked".equals(seat(subscription, seatId).getString("status"));
    }

    private JsonObject claimedOn(String subscription, String email) {
        var assigned = fixtures.assign(tenant, subscription, email);
        return fixtures.claim(assigned.getString("invitation_token"));
    }

    private static Instant instant(JsonObject o, String key) {
        return OffsetDateTime.parse(o.getString(key)).toInstant();
    }

    @Test
    void everyRevokePathRecordsItsReasonAndNoSeatHasAScheduleByDefault() {
        var manual = claimedSeat(Fixtures.email("manual")).getJsonObject("seat");
        assertTrue(manual.isNull("revokes_at"));
        assertTrue(manual.isNull("revocation_reason"));
        var revoked = api.delete("/v1/customer-seats/" + manual.getString("id"), tenant.token());
        assertEquals("manual", revoked.json().getString("revocation_reason"), revoked.toString());

        var moved = fixtures.assign(tenant, subscriptionId, Fixtures.email("moved"));
        var transfer = api.post(
                "/v1/customer-seats/" + moved.getString("id") + "/transfer",
                tenant.token(),
                Json.createObjectBuilder().add("email", Fixtures.email("new")).build());
        assertEquals(200, transfer.status(), transfer.toString());
        assertEquals("transfer", transfer.json().getJsonObject("revoked").getString("revocation_reason"));
        assertTrue(transfer.json().getJsonObject("seat").isNull("revocation_reason"));

        var held = claimedSeat(Fixtures.email("member")).getJsonObject("seat");
        var deleted =
                api.delete("/v1/customers/" + customerId + "/members/" + held.getString("member_id"), tenant.token());
        assertEquals(204, deleted.status(), deleted.toString());
        assertEquals(
                "member_deleted", seat(subscriptionId, held.getString("id")).getString("revocation_reason"));

        var ended = api.delete("/v1/subscriptions/" + subscriptionId, tenant.token());
        assertEquals(200, ended.status(), ended.toString());
        var reasons = events("customer_seat.revoked").stream()
                .map(d -> d.getString("revocation_reason"))
                .toList();
        assertEquals(List.of("manual", "transfer", "member_deleted", "subscription_ended"), reasons);
    }

    @Test
    void revokeAtPeriodEndKeepsTheSeatUntilTheRollThenRevokesIt() {
        var periodEnd = inSeconds(4);
        String sub = subscriptionEnding(periodEnd, 3).getString("id");
        var claimed = claimedOn(sub, Fixtures.email("leaver"));
        String seatId = claimed.getJsonObject("seat").getString("id");
        String holderSession = claimed.getString("customer_session_token");

        var reply = api.delete("/v1/customer-seats/" + seatId + "?at=period_end", tenant.token());
        assertEquals(200, reply.status(), reply.toString());
        assertKeys(Shapes.CUSTOMER_SEAT, reply.json());
        assertEquals("claimed", reply.json().getString("status"));
        assertEquals(
                periodEnd.toInstant().truncatedTo(ChronoUnit.MILLIS),
                instant(reply.json(), "revokes_at").truncatedTo(ChronoUnit.MILLIS));
        assertTrue(reply.json().isNull("revocation_reason"));
        var listed = api.get("/v1/customer-seats?subscription_id=" + sub, tenant.token())
                .json();
        assertEquals(2, listed.getInt("available_seats"), "a seat scheduled to leave still counts");
        assertEquals(200, api.get(INTROSPECT, holderSession).status(), "the holder keeps their session until then");
        assertEquals(1, eventsOf("customer_seat.revocation_scheduled", seatId).size());

        assertTrue(Receiver.await(WAIT, () -> revoked(sub, seatId)), "revoked at the period end");
        var after = seat(sub, seatId);
        assertEquals("period_end", after.getString("revocation_reason"));
        assertTrue(after.isNull("revokes_at"));
        assertEquals(401, api.get(INTROSPECT, holderSession).status(), "the session ends as with any revoke");
        assertEquals(1, eventsOf("customer_seat.revoked", seatId).size());
        var rolled = api.get("/v1/subscriptions/" + sub, tenant.token()).json();
        assertEquals(
                periodEnd.toInstant().truncatedTo(ChronoUnit.MILLIS),
                instant(rolled, "current_period_start").truncatedTo(ChronoUnit.MILLIS));
        assertEquals("active", rolled.getString("status"));
    }

    @Test
    void revokeAtAnInstantAndItsRefusals() {
        var seat = claimedSeat(Fixtures.email("instant")).getJsonObject("seat");
        String seatId = seat.getString("id");
        String path = "/v1/customer-seats/" + seatId;
        assertValidationError(
                api.delete(path + "?at=" + OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), tenant.token()),
                "value_error",
                "query",
                "at");
        assertValidationError(
                api.delete(path + "?at=tomorrow", tenant.token()), "datetime_from_date_parsing", "query", "at");
        assertError(
                api.delete("/v1/customer-seats/" + seatId + "/scheduled-revocation", tenant.token()),
                400,
                "NoScheduledRevocation",
                null);

        var at = inSeconds(2);
        var reply = api.delete(path + "?at=" + at.toString().replace("+", "%2B"), tenant.token());
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("claimed", reply.json().getString("status"));
        assertTrue(Receiver.await(WAIT, () -> revoked(subscriptionId, seatId)));
        assertEquals("scheduled", seat(subscriptionId, seatId).getString("revocation_reason"));
        assertEquals(1, eventsOf("customer_seat.revoked", seatId).size());
        assertEquals(3, listed().getInt("available_seats"), "capacity freed");

        String oneTime = fixtures.product(tenant, null).getString("id");
        var order = api.post(
                "/v1/orders/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("product_id", oneTime)
                        .add("customer_id", customerId)
                        .add("seats", 2)
                        .build());
        var orderSeat = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("order_id", order.string("id"))
                        .add("email", Fixtures.email("order"))
                        .build());
        assertError(
                api.delete("/v1/customer-seats/" + orderSeat.string("id") + "?at=period_end", tenant.token()),
                400,
                "NoPeriodEnd",
                null);
    }

    @Test
    void anEmptyAtIsMalformedAndRevokesNothing() {
        String seatId =
                claimedSeat(Fixtures.email("careless")).getJsonObject("seat").getString("id");
        // An empty ?at= (a client whose value went missing) is malformed, not "now".
        assertValidationError(
                api.delete("/v1/customer-seats/" + seatId + "?at=", tenant.token()),
                "datetime_from_date_parsing",
                "query",
                "at");
        assertValidationError(
                api.delete(seatsPath() + seatId + "?at=", ownerSession), "datetime_from_date_parsing", "query", "at");
        assertEquals("claimed", seat(subscriptionId, seatId).getString("status"));
    }

    @Test
    void anIdempotencyKeyRepeatedWithAnotherQueryIsRefused() {
        String seatId =
                claimedSeat(Fixtures.email("requery")).getJsonObject("seat").getString("id");
        // One Idempotency-Key, another query: another request, refused; the first one's schedule stays.
        var key = Map.of("Idempotency-Key", "query-" + UUID.randomUUID());
        var scheduled = api.delete("/v1/customer-seats/" + seatId + "?at=period_end", tenant.token(), key);
        assertEquals(200, scheduled.status(), scheduled.toString());
        assertError(api.delete("/v1/customer-seats/" + seatId, tenant.token(), key), 422, "IdempotencyKeyReused", null);
        var after = seat(subscriptionId, seatId);
        assertEquals("claimed", after.getString("status"));
        assertEquals(scheduled.json().getString("revokes_at"), after.getString("revokes_at"));
        assertEquals(0, eventsOf("customer_seat.revoked", seatId).size());
    }

    @Test
    void aRefusedReleaseSeatIdsListIsEchoedAsAList() {
        String seatId =
                claimedSeat(Fixtures.email("echoed")).getJsonObject("seat").getString("id");
        var repeated = patchSeats(
                subscriptionId,
                Json.createObjectBuilder()
                        .add("seats", 1)
                        .add("proration_behavior", "next_period")
                        .add(
                                "release_seat_ids",
                                Json.createArrayBuilder().add(seatId).add(seatId))
                        .build());
        assertValidationError(repeated, "value_error", "body", "release_seat_ids");
        assertEquals(
                Json.createArrayBuilder().add(seatId).add(seatId).build(),
                repeated.json().getJsonArray("detail").getJsonObject(0).getJsonArray("input"));
    }

    @Test
    void aFirstPeriodEndMoreThanFiveYearsBackIsRefused() {
        // Each period that ended is one roll of the period clock, ahead of everything else due: centuries back would
        // hold the scheduler for thousands of rolls.
        int before = api.get("/v1/subscriptions/?customer_id=" + customerId, tenant.token())
                .json()
                .getJsonObject("pagination")
                .getInt("total_count");
        var ancient = api.post(
                "/v1/subscriptions/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("product_id", productId)
                        .add("customer_id", customerId)
                        .add("seats", 1)
                        .add("current_period_end", "1726-12-06T00:00:00Z")
                        .build());
        assertValidationError(ancient, "value_error", "body", "current_period_end");
        assertEquals(
                before,
                api.get("/v1/subscriptions/?customer_id=" + customerId, tenant.token())
                        .json()
                        .getJsonObject("pagination")
                        .getInt("total_count"));
    }

    @Test
    void aScheduledRevocationIsCanceledAndRepeatsAreIdempotent() {
        String seatId =
                claimedSeat(Fixtures.email("stays")).getJsonObject("seat").getString("id");
        var key = Map.of("Idempotency-Key", "schedule-" + UUID.randomUUID());
        var first = api.delete("/v1/customer-seats/" + seatId + "?at=period_end", tenant.token(), key);
        var again = api.delete("/v1/customer-seats/" + seatId + "?at=period_end", tenant.token(), key);
        assertEquals(200, first.status(), first.toString());
        assertEquals(first.text(), again.text());
        assertEquals(Optional.of("true"), again.header("Idempotent-Replayed"));
        assertEquals(1, eventsOf("customer_seat.revocation_scheduled", seatId).size());

        var canceled = api.delete("/v1/customer-seats/" + seatId + "/scheduled-revocation", tenant.token());
        assertEquals(200, canceled.status(), canceled.toString());
        assertTrue(canceled.json().isNull("revokes_at"));
        assertEquals("claimed", canceled.json().getString("status"));
        assertEquals(1, eventsOf("customer_seat.revocation_canceled", seatId).size());
        assertError(
                api.delete("/v1/customer-seats/" + seatId + "/scheduled-revocation", tenant.token()),
                400,
                "NoScheduledRevocation",
                null);
    }

    @Test
    void billingRolesScheduleAndCancelFromThePortalAndPlainMembersMayNot() {
        String seatId =
                claimedSeat(Fixtures.email("portal")).getJsonObject("seat").getString("id");
        String plain = fixtures.memberSession(tenant, customerId, "member");
        assertError(api.delete(seatsPath() + seatId + "?at=period_end", plain), 403, "NotPermitted", null);
        var scheduled = api.delete(seatsPath() + seatId + "?at=period_end", ownerSession);
        assertEquals(200, scheduled.status(), scheduled.toString());
        assertFalse(scheduled.json().isNull("revokes_at"));
        assertError(api.delete(seatsPath() + seatId + "/scheduled-revocation", plain), 403, "NotPermitted", null);
        var otherCustomer = fixtures.customer(tenant, Fixtures.email("other")).getString("id");
        String stranger = fixtures.session(tenant, otherCustomer).getString("token");
        assertError(
                api.delete(seatsPath() + seatId + "/scheduled-revocation", stranger), 404, "ResourceNotFound", null);
        var canceled = api.delete(seatsPath() + seatId + "/scheduled-revocation", ownerSession);
        assertEquals(200, canceled.status(), canceled.toString());
        assertTrue(canceled.json().isNull("revokes_at"));
    }

    @Test
    void timeBoxedSeatsAreRevokedWhenTheyExpireOnEveryAssignPath() {
        String expiresAt = inSeconds(3).toString();
        var single = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add("email", Fixtures.email("single"))
                        .add("expires_at", expiresAt)
                        .build());
        assertEquals(200, single.status(), single.toString());
        assertFalse(single.json().isNull("revokes_at"));
        var bulk = api.post(
                "/v1/customer-seats/bulk",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add(
                                "seats",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("email", Fixtures.email("bulk"))
                                                .add("expires_at", expiresAt)))
                        .build());
        assertEquals(200, bulk.status(), bulk.toString());
        var bulkSeat = bulk.json().getJsonArray("results").getJsonObject(0).getJsonObject("seat");
        assertFalse(bulkSeat.isNull("revokes_at"));
        var portal = api.post(
                seatsPath(),
                ownerSession,
                Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add("email", Fixtures.email("portal"))
                        .add("expires_at", expiresAt)
                        .build());
        assertEquals(200, portal.status(), portal.toString());
        assertFalse(portal.json().isNull("revokes_at"));
        assertEquals(0, listed().getInt("available_seats"));

        for (String id : List.of(single.string("id"), bulkSeat.getString("id"), portal.string("id"))) {
            assertTrue(Receiver.await(WAIT, () -> revoked(subscriptionId, id)), "expired: " + id);
            assertEquals("expired", seat(subscriptionId, id).getString("revocation_reason"));
        }
        assertEquals(3, listed().getInt("available_seats"));

        var past = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add("email", Fixtures.email("past"))
                        .add(
                                "expires_at",
                                OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toString())
                        .build());
        assertValidationError(past, "value_error", "body", "expires_at");
        var farAway = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add("email", Fixtures.email("far"))
                        .add(
                                "expires_at",
                                OffsetDateTime.now(ZoneOffset.UTC).plusYears(6).toString())
                        .build());
        assertValidationError(farAway, "value_error", "body", "expires_at");
        assertEquals(3, listed().getInt("available_seats"), "a refused assign changes nothing");
    }

    @Test
    void aScheduledRevokeRacingAManualRevokeATransferAndAMemberDeletionRevokesOnce() throws Exception {
        var manual = claimedSeat(Fixtures.email("race-manual")).getJsonObject("seat");
        var moved = claimedSeat(Fixtures.email("race-transfer")).getJsonObject("seat");
        var deleted = claimedSeat(Fixtures.email("race-deleted")).getJsonObject("seat");
        var at = inSeconds(2);
        for (var seat : List.of(manual, moved, deleted)) {
            var reply = api.delete(
                    "/v1/customer-seats/" + seat.getString("id") + "?at="
                            + at.toString().replace("+", "%2B"),
                    tenant.token());
            assertEquals(200, reply.status(), reply.toString());
        }
        Thread.sleep(Math.max(
                0, Duration.between(OffsetDateTime.now(ZoneOffset.UTC), at).toMillis()));
        Concurrently.run(3, i -> switch (i) {
            case 0 -> api.delete("/v1/customer-seats/" + manual.getString("id"), tenant.token());
            case 1 ->
                api.post(
                        "/v1/customer-seats/" + moved.getString("id") + "/transfer",
                        tenant.token(),
                        Json.createObjectBuilder()
                                .add("email", Fixtures.email("heir"))
                                .build());
            default ->
                api.delete(
                        "/v1/customers/" + customerId + "/members/" + deleted.getString("member_id"), tenant.token());
        });
        for (var seat : List.of(manual, moved, deleted)) {
            String id = seat.getString("id");
            assertTrue(Receiver.await(WAIT, () -> revoked(subscriptionId, id)));
            Thread.sleep(1500); // a scheduler round after the race
            assertEquals(1, eventsOf("customer_seat.revoked", id).size(), "revoked once: " + id);
            assertTrue(seat(subscriptionId, id).isNull("revokes_at"));
        }
    }

    @Test
    void aSubscriptionThreePeriodsBehindRollsThreeTimesInOrder() {
        var firstEnd = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(2).minusHours(1);
        String sub = subscriptionEnding(firstEnd, 2).getString("id");
        assertTrue(Receiver.await(
                WAIT,
                () -> events("subscription.cycled").stream()
                                .filter(d -> d.getString("id").equals(sub))
                                .count()
                        == 3));
        var starts = events("subscription.cycled").stream()
                .filter(d -> d.getString("id").equals(sub))
                .map(d -> instant(d, "current_period_start"))
                .toList();
        assertEquals(
                List.of(firstEnd, firstEnd.plusMonths(1), firstEnd.plusMonths(2)).stream()
                        .map(t -> t.toInstant().truncatedTo(ChronoUnit.MILLIS))
                        .toList(),
                starts.stream().map(t -> t.truncatedTo(ChronoUnit.MILLIS)).toList());
        var now = api.get("/v1/subscriptions/" + sub, tenant.token()).json();
        assertEquals(
                firstEnd.plusMonths(3).toInstant().truncatedTo(ChronoUnit.MILLIS),
                instant(now, "current_period_end").truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void cancelAtPeriodEndEndsTheSubscriptionAndItsSeatsAtTheRoll() {
        String sub = subscriptionEnding(inSeconds(4), 3).getString("id");
        String seatId =
                claimedOn(sub, Fixtures.email("ending")).getJsonObject("seat").getString("id");
        var path = "/v1/subscriptions/" + sub;
        var cancel = api.patch(
                path,
                tenant.token(),
                Json.createObjectBuilder().add("cancel_at_period_end", true).build());
        assertEquals(200, cancel.status(), cancel.toString());
        assertTrue(cancel.json().getBoolean("cancel_at_period_end"));
        assertEquals("active", cancel.json().getString("status"));
        assertTrue(cancel.json().isNull("ended_at"));
        assertTrue(Receiver.await(
                WAIT,
                () -> "canceled".equals(api.get(path, tenant.token()).json().getString("status"))));
        var ended = api.get(path, tenant.token()).json();
        assertFalse(ended.isNull("ended_at"));
        assertEquals("subscription_ended", seat(sub, seatId).getString("revocation_reason"));
        assertEquals("revoked", seat(sub, seatId).getString("status"));
    }

    private Api.Reply patchSeats(String sub, JsonObject body) {
        return api.patch("/v1/subscriptions/" + sub, tenant.token(), body);
    }

    @Test
    void aScheduledDecreaseNamesItsLeaversAndAppliesAtThePeriodEnd() {
        var periodEnd = inSeconds(6);
        String sub = subscriptionEnding(periodEnd, 3).getString("id");
        String a = claimedOn(sub, Fixtures.email("a")).getJsonObject("seat").getString("id");
        String b = claimedOn(sub, Fixtures.email("b")).getJsonObject("seat").getString("id");
        String c = fixtures.assign(tenant, sub, Fixtures.email("c")).getString("id");
        String foreign =
                claimedSeat(Fixtures.email("foreign")).getJsonObject("seat").getString("id");

        var decrease = Json.createObjectBuilder().add("seats", 1).add("proration_behavior", "next_period");
        assertError(
                patchSeats(sub, decrease.build()),
                400,
                "SeatsBelowAssigned",
                "2 seats must be released to lower the seats to 1.");
        var tooFew = Json.createObjectBuilder()
                .add("seats", 1)
                .add("proration_behavior", "next_period")
                .add("release_seat_ids", Json.createArrayBuilder().add(a))
                .build();
        assertValidationError(patchSeats(sub, tooFew), "value_error", "body", "release_seat_ids");
        var otherContainer = Json.createObjectBuilder()
                .add("seats", 1)
                .add("proration_behavior", "next_period")
                .add("release_seat_ids", Json.createArrayBuilder().add(a).add(foreign))
                .build();
        assertValidationError(patchSeats(sub, otherContainer), "value_error", "body", "release_seat_ids");
        assertTrue(seat(sub, a).isNull("revokes_at"), "a refused decrease schedules nothing");

        var named = Json.createObjectBuilder()
                .add("seats", 1)
                .add("proration_behavior", "next_period")
                .add("release_seat_ids", Json.createArrayBuilder().add(a).add(c))
                .build();
        var reply = patchSeats(sub, named);
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(3, reply.json().getInt("seats"), "the count changes at the period end");
        var pending = reply.json().getJsonObject("pending_update");
        assertEquals(Set.of("id", "created_at", "modified_at", "applies_at", "seats", "product_id"), pending.keySet());
        assertEquals(1, pending.getInt("seats"));
        assertTrue(pending.isNull("product_id"));
        assertEquals(
                periodEnd.toInstant().truncatedTo(ChronoUnit.MILLIS),
                instant(pending, "applies_at").truncatedTo(ChronoUnit.MILLIS));
        assertFalse(seat(sub, a).isNull("revokes_at"));
        assertFalse(seat(sub, c).isNull("revokes_at"));

        var cancel = Json.createObjectBuilder()
                .addNull("seats")
                .add("proration_behavior", "next_period")
                .build();
        var canceled = patchSeats(sub, cancel);
        assertEquals(200, canceled.status(), canceled.toString());
        assertTrue(canceled.json().isNull("pending_update"));
        assertTrue(seat(sub, a).isNull("revokes_at"), "its leavers are unscheduled");

        var again = patchSeats(sub, named);
        assertEquals(200, again.status(), again.toString());
        assertTrue(Receiver.await(
                WAIT,
                () -> api.get("/v1/subscriptions/" + sub, tenant.token()).json().getInt("seats") == 1));
        assertEquals("period_end", seat(sub, a).getString("revocation_reason"));
        assertEquals("period_end", seat(sub, c).getString("revocation_reason"));
        assertEquals("claimed", seat(sub, b).getString("status"));
        assertTrue(api.get("/v1/subscriptions/" + sub, tenant.token()).json().isNull("pending_update"));
    }

    @Test
    void releaseStrategiesChooseTheLeaversAtThePeriodEnd() {
        String first = subscriptionEnding(inSeconds(6), 4).getString("id");
        String oldClaim =
                claimedOn(first, Fixtures.email("old")).getJsonObject("seat").getString("id");
        String newClaim =
                claimedOn(first, Fixtures.email("new")).getJsonObject("seat").getString("id");
        String olderPending =
                fixtures.assign(tenant, first, Fixtures.email("p1")).getString("id");
        String newerPending =
                fixtures.assign(tenant, first, Fixtures.email("p2")).getString("id");
        var pendingFirst = Json.createObjectBuilder()
                .add("seats", 1)
                .add("proration_behavior", "next_period")
                .add("release_strategy", "pending_first")
                .build();
        assertEquals(200, patchSeats(first, pendingFirst).status());

        String second = subscriptionEnding(inSeconds(6), 3).getString("id");
        String x = claimedOn(second, Fixtures.email("x")).getJsonObject("seat").getString("id");
        String y = claimedOn(second, Fixtures.email("y")).getJsonObject("seat").getString("id");
        String z = claimedOn(second, Fixtures.email("z")).getJsonObject("seat").getString("id");
        var leastActive = Json.createObjectBuilder()
                .add("seats", 1)
                .add("proration_behavior", "next_period")
                .add("release_strategy", "least_recently_active")
                .build();
        assertEquals(200, patchSeats(second, leastActive).status());

        assertTrue(Receiver.await(WAIT, () -> revoked(first, oldClaim) || revoked(first, newClaim)));
        assertTrue(revoked(first, newerPending) && revoked(first, olderPending), "pending invitations leave first");
        assertTrue(revoked(first, oldClaim), "then the least recently active claimed seat");
        assertEquals("claimed", seat(first, newClaim).getString("status"));
        assertTrue(Receiver.await(WAIT, () -> revoked(second, y)));
        assertTrue(revoked(second, x));
        assertEquals("claimed", seat(second, z).getString("status"));
        assertEquals("period_end", seat(second, x).getString("revocation_reason"));
    }

    // Offline seat entitlements (contract, "Beyond Polar: offline seat entitlements"); the scenarios are in
    // entitlements/EntitlementScenarios, run on this class's server.

    @Test
    void entitlementVerifiesWithTheKeySetAndCarriesTheClaims() {
        new EntitlementScenarios(api, fixtures).tokenVerifiesWithTheKeySetAndCarriesTheClaims();
    }

    @ParameterizedTest(name = "revoked by {0}")
    @ValueSource(strings = {"seat", "subscription", "member"})
    void everyRevokeSetsTheSeatsStatusBitAtOnce(String path) throws Exception {
        new EntitlementScenarios(api, fixtures).revokingSetsTheSeatsStatusBitAtOnce(path);
    }

    @Test
    void entitlementExpiryIsNeverPastAKnownEndOfTheSeat() {
        new EntitlementScenarios(api, fixtures).expiryIsNeverPastAKnownEndOfTheSeat();
    }

    @Test
    void onlyAClaimedSeatGetsAnEntitlement() {
        new EntitlementScenarios(api, fixtures).onlyAClaimedSeatOfTheOrganizationGetsAnEntitlement();
    }

    @Test
    void portalEntitlementForTheHolderAndBillingRolesOnly() {
        new EntitlementScenarios(api, fixtures).portalGivesTheHolderAndBillingRolesTheEntitlement();
    }

    @Test
    void entitlementKeysRotateOnDemandAndRevokePreviousFailsOldTokens() {
        new EntitlementScenarios(api, fixtures).onDemandRotationAndRevokePrevious();
    }

    @Test
    void scheduledRotationPublishesTheNextKeyATtlAheadAndKeepsTheOldOneATtlAfter() throws Exception {
        new EntitlementScenarios(api, fixtures).scheduledRotationPublishesAheadAndKeepsTheOldKeyOneTtl();
    }

    // Activity and reclaim of idle seats (contract, "Beyond Polar: activity and reclaim of idle seats"); the scenarios
    // are in reclaim/ReclaimScenarios, run on this class's server.

    @Test
    void activityIsAcceptedForwardOnlyAndAtMostOnceAMinute() {
        new ReclaimScenarios(api, fixtures).activityIsAcceptedForwardOnlyAndAtMostOnceAMinute();
    }

    @Test
    void activityBatchesNamingTheSameSeatsAtOnceAllAnswerAndKeepTheLatest() throws Exception {
        new ReclaimScenarios(api, fixtures).batchesNamingTheSameSeatsAtOnceAllAnswerAndKeepTheLatest();
    }

    @Test
    void anAncientActivityTimeIsRefusedAndNothingIsWritten() {
        new ReclaimScenarios(api, fixtures).anAncientActivityTimeIsRefusedAndNothingIsWritten();
    }

    @Test
    void seatReclaimPolicyIsValidatedAndShown() {
        new ReclaimScenarios(api, fixtures).policyIsValidatedAndShown();
    }

    @Test
    void idleSeatsAreWarnedKeptOrReclaimedAsThePreviewSaid() {
        new ReclaimScenarios(api, fixtures).idleSeatsAreWarnedKeptOrReclaimed();
    }

    @Test
    void keepingARevokedSeatChangesNothing() {
        new ReclaimScenarios(api, fixtures).keepingARevokedSeatChangesNothing();
    }

    @Test
    void aFirstReportRacingARevocationLeavesTheSeatRevoked() throws Exception {
        new ReclaimScenarios(api, fixtures).aFirstReportRacingARevocationLeavesTheSeatRevoked();
    }

    // The audit trail (contract, "Beyond Polar: audit trail"); the scenarios are in audit/AuditScenarios, run on this
    // class's server.

    @Test
    void auditEveryChangeIsWrittenWithItsActor() {
        new AuditScenarios(api, fixtures).everyChangeIsWrittenWithItsActor();
    }

    @Test
    void auditConcurrentChangesChainAndATamperedEntryIsNamed() throws Exception {
        new AuditScenarios(api, fixtures).concurrentChangesChainAndATamperedEntryIsNamed();
    }

    @Test
    void auditCursorPagingReturnsEveryEntryOnceWhileNewOnesAreWritten() {
        new AuditScenarios(api, fixtures).cursorPagingReturnsEveryEntryOnceWhileNewOnesAreWritten();
    }

    @Test
    void auditAnotherOrganizationSeesNothingAndScopesAreChecked() {
        new AuditScenarios(api, fixtures).anotherOrganizationSeesNothingAndScopesAreChecked();
    }

    @Test
    void auditVerifyWhileChangesAreWrittenNeverReportsABrokenChain() throws Exception {
        new AuditScenarios(api, fixtures).verifyWhileChangesAreWrittenNeverReportsABrokenChain();
    }

    @Test
    void auditWindowBoundsOutsideTheCalendarAreRefused() {
        new AuditScenarios(api, fixtures).windowBoundsOutsideTheCalendarAreRefused();
    }
}

package dev.seatkeeper.seats;

import static dev.seatkeeper.testing.Shapes.assertError;
import static dev.seatkeeper.testing.Shapes.assertKeys;
import static dev.seatkeeper.testing.Shapes.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.entitlements.EntitlementScenarios;
import dev.seatkeeper.testing.Api;
import dev.seatkeeper.testing.ApiTest;
import dev.seatkeeper.testing.Concurrently;
import dev.seatkeeper.testing.Fixtures;
import dev.seatkeeper.testing.Shapes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
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
}

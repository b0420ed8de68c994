package dev.seatkeeper.seats;

import static dev.seatkeeper.testing.Shapes.assertError;
import static dev.seatkeeper.testing.Shapes.assertKeys;
import static dev.seatkeeper.testing.Shapes.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.testing.Api;
import dev.seatkeeper.testing.ApiTest;
import dev.seatkeeper.testing.Concurrently;
import dev.seatkeeper.testing.Fixtures;
import dev.seatkeeper.testing.SamePersonRace;
import dev.seatkeeper.testing.Shapes;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Assigning seats, reading claim info, and claiming: every step and error of the contract, in both models. */
class SeatClaimIT extends ApiTest {
    private static final String INVALID = "Invalid or expired invitation token";

    /** An organization with a product, a billing customer and a subscription with the given seats. */
    record Shop(Fixtures.Tenant tenant, String productId, JsonObject customer, String subscriptionId) {}

    Shop shop(boolean memberModel, int seats) {
        var tenant = fixtures.tenant(true, memberModel);
        String productId = fixtures.product(tenant, "month").getString("id");
        var customer = fixtures.customer(tenant, Fixtures.email("billing"));
        String subscriptionId = fixtures.subscription(tenant, productId, customer.getString("id"), seats)
                .getString("id");
        return new Shop(tenant, productId, customer, subscriptionId);
    }

    @Test
    void assignInTheMemberModelInvitesAMemberOfTheBillingCustomer() {
        var shop = shop(true, 5);
        String email = Fixtures.email("Invitee").replace("invitee", "Invitee");
        var seat = fixtures.assign(shop.tenant(), shop.subscriptionId(), email);
        assertKeys(Shapes.INVITED_SEAT, seat);
        assertEquals("pending", seat.getString("status"));
        assertEquals(shop.subscriptionId(), seat.getString("subscription_id"));
        assertTrue(seat.isNull("order_id") && seat.isNull("claimed_at") && seat.isNull("revoked_at"));
        assertEquals(shop.customer().getString("id"), seat.getString("customer_id"), "the billing customer");
        assertEquals(email, seat.getString("email"));
        assertEquals(email, seat.getString("customer_email"));
        assertKeys(Shapes.MEMBER, seat.getJsonObject("member"));
        assertEquals("member", seat.getJsonObject("member").getString("role"));
        assertEquals(seat.getString("member_id"), seat.getJsonObject("member").getString("id"));
        String token = seat.getString("invitation_token");
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertEquals(
                "http://localhost:8080/" + shop.tenant().slug() + "/portal/claim?token=" + token,
                seat.getString("invitation_url"));
        var expires = OffsetDateTime.parse(seat.getString("invitation_token_expires_at"));
        var ttl = Duration.between(OffsetDateTime.now(), expires);
        assertTrue(ttl.toHours() >= 23 && ttl.toHours() <= 24, "one day: " + ttl);

        String stored = api.get("/test-support/seats/" + seat.getString("id") + "/stored-invitation", null)
                .string("invitation_token_hash");
        assertTrue(stored.matches("[0-9a-f]{64}"), "a hash is stored: " + stored);
        assertFalse(stored.contains(token));

        var events = fixtures.seatEvents(shop.tenant());
        assertEquals(1, events.size());
        assertEquals("customer_seat.assigned", events.getJsonObject(0).getString("type"));
        var data = events.getJsonObject(0).getJsonObject("payload").getJsonObject("data");
        assertEquals(seat.getString("id"), data.getString("id"));
        assertKeys(Shapes.CUSTOMER_SEAT, data);
    }

    @Test
    void assignInTheLegacyModelRecordsTheHoldersOwnCustomer() {
        var shop = shop(false, 5);
        String email = Fixtures.email("holder");
        var seat = fixtures.assign(shop.tenant(), shop.subscriptionId(), email);
        assertNotEquals(shop.customer().getString("id"), seat.getString("customer_id"));
        var holder = api.get(
                "/v1/customers/" + seat.getString("customer_id"), shop.tenant().token());
        assertEquals(200, holder.status(), "a customer was created for the e-mail");
        assertEquals(email, holder.string("email"));
        assertEquals(email, seat.getString("customer_email"));

        var again = api.post(
                "/v1/customer-seats",
                shop.tenant().token(),
                Json.createObjectBuilder()
                        .add("subscription_id", shop.subscriptionId())
                        .add("customer_id", seat.getString("customer_id"))
                        .build());
        assertError(
                again,
                400,
                "SeatAlreadyAssigned",
                "Seat already assigned to customer " + seat.getString("customer_id"));
        var unknown = api.post(
                "/v1/customer-seats",
                shop.tenant().token(),
                Json.createObjectBuilder()
                        .add("subscription_id", shop.subscriptionId())
                        .add("external_customer_id", "nobody")
                        .build());
        assertError(unknown, 404, "CustomerNotFound", "Customer not found: nobody");
    }

    @Test
    void immediateClaimStartsClaimedWithoutInvitation() {
        var shop = shop(true, 5);
        var reply = api.post(
                "/v1/customer-seats",
                shop.tenant().token(),
                Json.createObjectBuilder()
                        .add("subscription_id", shop.subscriptionId())
                        .add("email", Fixtures.email("now"))
                        .add("immediate_claim", true)
                        .add("metadata", Json.createObjectBuilder().add("team", "ops"))
                        .build());
        assertEquals(200, reply.status(), reply.toString());
        var seat = reply.json();
        assertEquals("claimed", seat.getString("status"));
        assertFalse(seat.isNull("claimed_at"));
        assertTrue(seat.isNull("invitation_token") && seat.isNull("invitation_url"));
        assertTrue(seat.isNull("invitation_token_expires_at"));
        assertEquals("ops", seat.getJsonObject("seat_metadata").getString("team"));
        var events = fixtures.seatEvents(shop.tenant());
        assertEquals(
                List.of("customer_seat.claimed"),
                events.stream().map(e -> e.asJsonObject().getString("type")).toList());
    }

    @Test
    void assignBodyRulesAreValidationErrors() {
        var shop = shop(true, 5);
        String sub = shop.subscriptionId();
        String path = "/v1/customer-seats";
        String token = shop.tenant().token();
        assertValidationError(
                api.post(
                        path,
                        token,
                        Json.createObjectBuilder().add("email", "a@example.com").build()),
                "value_error",
                "body");
        assertValidationError(
                api.post(
                        path,
                        token,
                        Json.createObjectBuilder()
                                .add("subscription_id", sub)
                                .add("order_id", UUID.randomUUID().toString())
                                .add("email", "a@example.com")
                                .build()),
                "value_error",
                "body");
        assertValidationError(
                api.post(
                        path,
                        token,
                        Json.createObjectBuilder().add("subscription_id", sub).build()),
                "value_error",
                "body");
        assertValidationError(
                api.post(
                        path,
                        token,
                        Json.createObjectBuilder()
                                .add("subscription_id", sub)
                                .add("email", "a@example.com")
                                .add("customer_id", UUID.randomUUID().toString())
                                .build()),
                "value_error",
                "body");
        assertValidationError(
                api.post(
                        path,
                        token,
                        Json.createObjectBuilder()
                                .add("subscription_id", sub)
                                .add("customer_id", UUID.randomUUID().toString())
                                .add("member_id", UUID.randomUUID().toString())
                                .build()),
                "value_error",
                "body");
        assertValidationError(
                api.post(
                        path,
                        token,
                        Json.createObjectBuilder()
                                .add("subscription_id", sub)
                                .add("email", "a@example.com")
                                .add("member_id", UUID.randomUUID().toString())
                                .build()),
                "value_error",
                "body");
        assertValidationError(
                api.post(
                        path,
                        token,
                        Json.createObjectBuilder()
                                .add("subscription_id", "x")
                                .add("email", "not-an-email")
                                .build()),
                "uuid_parsing",
                "body",
                "subscription_id");
        var elevenKeys = Json.createObjectBuilder();
        for (int i = 0; i < 11; i++) {
            elevenKeys.add("k" + i, i);
        }
        assertValidationError(
                api.post(
                        path,
                        token,
                        Json.createObjectBuilder()
                                .add("subscription_id", sub)
                                .add("email", "a@example.com")
                                .add("metadata", elevenKeys)
                                .build()),
                "value_error",
                "body",
                "metadata");
        assertValidationError(
                api.post(
                        path,
                        token,
                        Json.createObjectBuilder()
                                .add("subscription_id", sub)
                                .add("email", "a@example.com")
                                .add("metadata", Json.createObjectBuilder().add("big", "x".repeat(1100)))
                                .build()),
                "value_error",
                "body",
                "metadata");
        var listed = api.get("/v1/customer-seats?subscription_id=" + sub, token).json();
        assertEquals(0, listed.getJsonArray("seats").size(), "nothing was stored");
        assertEquals(0, fixtures.seatEvents(shop.tenant()).size(), "nothing was recorded");
    }

    @Test
    void capacityDuplicatesUnpaidOrdersAndFeatureAreChecked() {
        var shop = shop(true, 2);
        String email = Fixtures.email("once");
        fixtures.assign(shop.tenant(), shop.subscriptionId(), email);
        assertError(
                api.post(
                        "/v1/customer-seats",
                        shop.tenant().token(),
                        Json.createObjectBuilder()
                                .add("subscription_id", shop.subscriptionId())
                                .add("email", email.toUpperCase())
                                .build()),
                400,
                "SeatAlreadyAssigned",
                "Seat already assigned to customer " + email);
        fixtures.assign(shop.tenant(), shop.subscriptionId(), Fixtures.email("second"));
        assertError(
                api.post(
                        "/v1/customer-seats",
                        shop.tenant().token(),
                        Json.createObjectBuilder()
                                .add("subscription_id", shop.subscriptionId())
                                .add("email", Fixtures.email("third"))
                                .build()),
                400,
                "SeatNotAvailable",
                "No available seats for " + shop.subscriptionId());

        String oneTime = fixtures.product(shop.tenant(), null).getString("id");
        var order = api.post(
                "/v1/orders/",
                shop.tenant().token(),
                Json.createObjectBuilder()
                        .add("product_id", oneTime)
                        .add("customer_id", shop.customer().getString("id"))
                        .add("seats", 2)
                        .add("status", "pending")
                        .build());
        assertError(
                api.post(
                        "/v1/customer-seats",
                        shop.tenant().token(),
                        Json.createObjectBuilder()
                                .add("order_id", order.string("id"))
                                .add("email", Fixtures.email("unpaid"))
                                .build()),
                400,
                "SeatNotAvailable",
                "Order must be paid before assigning seats");

        var other = shop(true, 2);
        assertError(
                api.post(
                        "/v1/customer-seats",
                        shop.tenant().token(),
                        Json.createObjectBuilder()
                                .add("subscription_id", other.subscriptionId())
                                .add("email", Fixtures.email("x"))
                                .build()),
                404,
                "ResourceNotFound",
                "Subscription not found");
        assertError(
                api.post(
                        "/v1/customer-seats",
                        other.tenant().token(),
                        Json.createObjectBuilder()
                                .add("subscription_id", other.subscriptionId())
                                .add("member_id", UUID.randomUUID().toString())
                                .build()),
                404,
                "MemberNotFound",
                null);

        var disabled = shop(true, 2);
        fixtures.disableSeats(disabled.tenant());
        assertError(
                api.post(
                        "/v1/customer-seats",
                        disabled.tenant().token(),
                        Json.createObjectBuilder()
                                .add("subscription_id", disabled.subscriptionId())
                                .add("email", Fixtures.email("off"))
                                .build()),
                403,
                "FeatureNotEnabled",
                "Seat-based pricing is not enabled for this organization");
    }

    @Test
    void paidOrderHoldsSeatsToo() {
        var shop = shop(true, 1);
        String oneTime = fixtures.product(shop.tenant(), null).getString("id");
        String orderId = api.post(
                        "/v1/orders/",
                        shop.tenant().token(),
                        Json.createObjectBuilder()
                                .add("product_id", oneTime)
                                .add("customer_id", shop.customer().getString("id"))
                                .add("seats", 1)
                                .build())
                .string("id");
        var seat = api.post(
                "/v1/customer-seats",
                shop.tenant().token(),
                Json.createObjectBuilder()
                        .add("order_id", orderId)
                        .add("email", Fixtures.email("order"))
                        .build());
        assertEquals(200, seat.status(), seat.toString());
        assertEquals(orderId, seat.string("order_id"));
        assertTrue(seat.json().isNull("subscription_id"));
        var claimed = fixtures.claim(seat.string("invitation_token"));
        assertEquals("claimed", claimed.getJsonObject("seat").getString("status"));
    }

    @Test
    void claimInfoDescribesTheInvitationWithoutUsingIt() {
        var shop = shop(true, 5);
        String email = Fixtures.email("info");
        String token =
                fixtures.assign(shop.tenant(), shop.subscriptionId(), email).getString("invitation_token");
        for (int i = 0; i < 2; i++) {
            var info = api.get("/v1/customer-seats/claim/" + token, null);
            assertEquals(200, info.status(), info.toString());
            assertKeys(Shapes.CLAIM_INFO, info.json());
            assertEquals(shop.productId(), info.string("product_id"));
            assertEquals(shop.tenant().slug(), info.string("organization_slug"));
            assertEquals("Org " + shop.tenant().slug(), info.string("organization_name"));
            assertEquals(email, info.string("customer_email"));
            assertTrue(info.json().getBoolean("can_claim"));
        }
        assertEquals(1, fixtures.seatEvents(shop.tenant()).size(), "reading changed nothing");
        fixtures.claim(token);
        assertError(api.get("/v1/customer-seats/claim/" + token, null), 404, "ResourceNotFound", INVALID);
        assertError(api.get("/v1/customer-seats/claim/unknown-token", null), 404, "ResourceNotFound", INVALID);
    }

    @Test
    void claimInTheMemberModelGivesTheMemberASession() {
        var shop = shop(true, 5);
        var assigned = fixtures.assign(shop.tenant(), shop.subscriptionId(), Fixtures.email("claimer"));
        var reply = api.post(
                "/v1/customer-seats/claim",
                null,
                Json.createObjectBuilder()
                        .add("invitation_token", assigned.getString("invitation_token"))
                        .build());
        assertEquals(200, reply.status(), reply.toString());
        assertKeys(Set.of("seat", "customer_session_token"), reply.json());
        var seat = reply.json().getJsonObject("seat");
        assertKeys(Shapes.CUSTOMER_SEAT, seat);
        assertEquals("claimed", seat.getString("status"));
        assertFalse(seat.isNull("claimed_at"));
        assertEquals(assigned.getString("member_id"), seat.getString("member_id"));
        String session = reply.string("customer_session_token");
        assertTrue(session.startsWith("polar_mst_"), session);
        assertEquals(
                200,
                api.get("/v1/customer-portal/customer-session/introspect", session)
                        .status());
        var listed = api.get("/v1/customer-portal/seats?subscription_id=" + shop.subscriptionId(), session);
        assertEquals(200, listed.status(), "a plain member may read the seats: " + listed);
        assertEquals(
                List.of("customer_seat.assigned", "customer_seat.claimed"),
                fixtures.seatEvents(shop.tenant()).stream()
                        .map(e -> e.asJsonObject().getString("type"))
                        .toList());
        assertTrue(
                api.get("/test-support/seats/" + seat.getString("id") + "/stored-invitation", null)
                        .json()
                        .isNull("invitation_token_hash"),
                "the token is cleared");
    }

    @Test
    void claimInTheLegacyModelAddsTheHolderAsMemberOfTheBillingCustomer() {
        var shop = shop(false, 5);
        String email = Fixtures.email("legacy");
        var assigned = fixtures.assign(shop.tenant(), shop.subscriptionId(), email);
        var claimed = fixtures.claim(assigned.getString("invitation_token"));
        var seat = claimed.getJsonObject("seat");
        assertEquals("claimed", seat.getString("status"));
        assertEquals(assigned.getString("customer_id"), seat.getString("customer_id"), "still the holder's customer");
        assertEquals(email, seat.getJsonObject("member").getString("email"));
        assertEquals(
                shop.customer().getString("id"), seat.getJsonObject("member").getString("customer_id"));
        assertTrue(claimed.getString("customer_session_token").startsWith("polar_mst_"));
    }

    @Test
    void usedExpiredRevokedAndUnknownTokensAreInvalid() {
        var shop = shop(true, 5);
        String used = fixtures.assign(shop.tenant(), shop.subscriptionId(), Fixtures.email("used"))
                .getString("invitation_token");
        fixtures.claim(used);
        var expiredSeat = fixtures.assign(shop.tenant(), shop.subscriptionId(), Fixtures.email("late"));
        String expired = expiredSeat.getString("invitation_token");
        assertEquals(
                204,
                api.post("/test-support/expire-invitation/" + expired, null, "").status());
        var revokedSeat = fixtures.assign(shop.tenant(), shop.subscriptionId(), Fixtures.email("gone"));
        assertEquals(
                200,
                api.delete(
                                "/v1/customer-seats/" + revokedSeat.getString("id"),
                                shop.tenant().token())
                        .status());
        for (String token : List.of(used, expired, revokedSeat.getString("invitation_token"), "no-such-token")) {
            var reply = api.post(
                    "/v1/customer-seats/claim",
                    null,
                    Json.createObjectBuilder().add("invitation_token", token).build());
            assertError(reply, 400, "InvalidInvitationToken", INVALID);
        }
        var stillPending = api
                .get(
                        "/v1/customer-seats?subscription_id=" + shop.subscriptionId(),
                        shop.tenant().token())
                .json()
                .getJsonArray("seats")
                .stream()
                .map(v -> v.asJsonObject())
                .filter(s -> s.getString("id").equals(expiredSeat.getString("id")))
                .findFirst()
                .orElseThrow();
        assertEquals("pending", stillPending.getString("status"), "a refused claim changes nothing");
    }

    @Test
    void featureIsCheckedAfterTheToken() {
        var shop = shop(true, 5);
        String token = fixtures.assign(shop.tenant(), shop.subscriptionId(), Fixtures.email("feat"))
                .getString("invitation_token");
        fixtures.disableSeats(shop.tenant());
        assertError(
                api.post(
                        "/v1/customer-seats/claim",
                        null,
                        Json.createObjectBuilder()
                                .add("invitation_token", "nope")
                                .build()),
                400,
                "InvalidInvitationToken",
                INVALID);
        assertError(
                api.post(
                        "/v1/customer-seats/claim",
                        null,
                        Json.createObjectBuilder()
                                .add("invitation_token", token)
                                .build()),
                403,
                "FeatureNotEnabled",
                "Seat-based pricing is not enabled for this organization");
        assertError(api.get("/v1/customer-seats/claim/" + token, null), 403, "FeatureNotEnabled", null);
    }

    @Test
    void claimBodyMustCarryAToken() {
        assertValidationError(api.post("/v1/customer-seats/claim", null, "{}"), "missing", "body", "invitation_token");
        assertValidationError(
                api.post("/v1/customer-seats/claim", null, "{\"invitation_token\": 7}"),
                "string_type",
                "body",
                "invitation_token");
        assertValidationError(
                api.post("/v1/customer-seats/claim", null, "{\"invitation_token\": null}"),
                "string_type",
                "body",
                "invitation_token");
        assertValidationError(
                api.post("/v1/customer-seats/claim", null, "{\"invitation_token\": "), "json_invalid", "body", 21);
    }

    @Test
    void fiftyConcurrentClaimsOfOneTokenSucceedOnce() throws Exception {
        var shop = shop(true, 5);
        String token = fixtures.assign(shop.tenant(), shop.subscriptionId(), Fixtures.email("race"))
                .getString("invitation_token");
        String body = Json.createObjectBuilder()
                .add("invitation_token", token)
                .build()
                .toString();
        List<Integer> statuses = Concurrently.run(
                50, i -> api.post("/v1/customer-seats/claim", null, body).status());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(49, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
        assertEquals(
                1,
                fixtures.seatEvents(shop.tenant()).stream()
                        .filter(e -> e.asJsonObject().getString("type").equals("customer_seat.claimed"))
                        .count());
    }

    @Test
    void twentyConcurrentAssignsFillFiveSeatsExactly() throws Exception {
        var shop = shop(true, 5);
        List<Integer> statuses = Concurrently.run(
                20,
                i -> api.post(
                                "/v1/customer-seats",
                                shop.tenant().token(),
                                Json.createObjectBuilder()
                                        .add("subscription_id", shop.subscriptionId())
                                        .add("email", Fixtures.email("crowd"))
                                        .build())
                        .status());
        assertEquals(5, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(15, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
        var listed = api.get(
                        "/v1/customer-seats?subscription_id=" + shop.subscriptionId(),
                        shop.tenant().token())
                .json();
        assertEquals(5, listed.getJsonArray("seats").size());
        assertEquals(0, listed.getInt("available_seats"));
        assertEquals(5, listed.getInt("total_seats"));
    }

    // --- One new person given seats on several subscriptions at once (issue 24) ---

    /**
     * Ten assigns of one new address (in two cases) to ten subscriptions of one billing customer at once, on the
     * organization route or the portal (the billing customer's session): each creates the holder's customer (legacy
     * model) and the member if it is not there yet, and every one must succeed with one customer and one member.
     */
    private void tenAssignsOfOneNewPersonAtOnce(boolean memberModel, boolean portal) throws Exception {
        var race = new SamePersonRace(api, fixtures, memberModel);
        String token = portal ? fixtures.session(race.tenant, race.billingId).getString("token") : race.tenant.token();
        String path = portal ? "/v1/customer-portal/seats" : "/v1/customer-seats";
        var replies = Concurrently.run(
                SamePersonRace.SUBSCRIPTIONS,
                i -> api.post(path, token, race.assignBody(i, i % 2 == 0 ? race.email : race.email.toUpperCase())));
        race.assertAllSucceeded(replies, "pending");
    }

    @Test
    void tenAssignsOfOneNewPersonAtOnceAllSucceedInTheLegacyModel() throws Exception {
        tenAssignsOfOneNewPersonAtOnce(false, false);
    }

    @Test
    void tenAssignsOfOneNewPersonAtOnceAllSucceedInTheMemberModel() throws Exception {
        tenAssignsOfOneNewPersonAtOnce(true, false);
    }

    @Test
    void tenPortalAssignsOfOneNewPersonAtOnceAllSucceedInTheLegacyModel() throws Exception {
        tenAssignsOfOneNewPersonAtOnce(false, true);
    }

    @Test
    void tenPortalAssignsOfOneNewPersonAtOnceAllSucceedInTheMemberModel() throws Exception {
        tenAssignsOfOneNewPersonAtOnce(true, true);
    }

    /**
     * Thirty seats of one person on thirty subscriptions of one billing customer, whose member is not recorded on the
     * seats (contract, "Claim" step 3: the claim finds or creates the member), claimed at once: each claim creates
     * the member if it is not there yet, and every one must succeed with one member holding all thirty seats. The
     * claims take no lock on the customer (contract, "Performance shape"), so the member's unique key alone decides.
     */
    private void thirtyClaimsCreatingOneMemberAtOnce(boolean memberModel) throws Exception {
        var race = new SamePersonRace(api, fixtures, memberModel, 30);
        List<String> tokens = new java.util.ArrayList<>();
        for (String subscriptionId : race.subscriptionIds) {
            tokens.add(fixtures.assign(race.tenant, subscriptionId, race.email).getString("invitation_token"));
        }
        String assigned = race.assertOnePerson("pending", 1);
        var forgotten = api.send("POST", "/test-support/members/" + assigned + "/forget", null, null);
        assertEquals(204, forgotten.status(), forgotten.toString());
        var replies = Concurrently.run(
                tokens.size(),
                i -> api.post(
                        "/v1/customer-seats/claim",
                        null,
                        Json.createObjectBuilder()
                                .add("invitation_token", tokens.get(i))
                                .build()));
        race.assertAllSucceeded(replies, "claimed", 2);
        for (var reply : replies) {
            assertTrue(reply.string("customer_session_token").startsWith("polar_mst_"), reply.toString());
        }
    }

    @Test
    void thirtyClaimsCreatingOneMemberAtOnceAllSucceedInTheLegacyModel() throws Exception {
        thirtyClaimsCreatingOneMemberAtOnce(false);
    }

    @Test
    void thirtyClaimsCreatingOneMemberAtOnceAllSucceedInTheMemberModel() throws Exception {
        thirtyClaimsCreatingOneMemberAtOnce(true);
    }

    /**
     * Contract, "Performance shape": a claim locks only its seat, also when it creates the member. While the first
     * claim of one invitee is held inside its transaction (it has locked its seat and inserted its member, and has
     * not committed), the first claim of another invitee of the same billing customer completes. Had the second
     * waited on a lock of the first, it could only finish once the hold ran out, and the hold would report that.
     */
    private void firstClaimsOfOneCustomerDoNotWaitForEachOther(boolean memberModel) {
        var shop = shop(memberModel, 5);
        List<String> tokens = new java.util.ArrayList<>();
        List<String> seatIds = new java.util.ArrayList<>();
        for (String who : List.of("held", "other")) {
            var assigned = fixtures.assign(shop.tenant(), shop.subscriptionId(), Fixtures.email(who));
            tokens.add(assigned.getString("invitation_token"));
            seatIds.add(assigned.getString("id"));
            if (!assigned.isNull("member_id")) {
                var forgotten = api.send(
                        "POST", "/test-support/members/" + assigned.getString("member_id") + "/forget", null, null);
                assertEquals(204, forgotten.status(), forgotten.toString());
            }
        }
        String hold = "/test-support/claims/" + tokens.get(0) + "/hold";
        var held = api.send("POST", hold, null, null);
        assertEquals(204, held.status(), "the first claim is held inside its transaction: " + held);
        var second = api.post(
                "/v1/customer-seats/claim",
                null,
                Json.createObjectBuilder()
                        .add("invitation_token", tokens.get(1))
                        .build());
        var released = api.send("DELETE", hold, null, null);
        assertEquals(200, second.status(), second.toString());
        assertEquals(200, released.status(), released.toString());
        assertTrue(
                released.json().getBoolean("released_by_test"),
                "the second claim completed while the first was still held: " + released);
        var listed = api.get(
                "/v1/customer-seats?subscription_id=" + shop.subscriptionId(),
                shop.tenant().token());
        var seats = listed.array("seats").getValuesAs(JsonObject.class);
        for (String seatId : seatIds) {
            var seat = seats.stream()
                    .filter(s -> s.getString("id").equals(seatId))
                    .findFirst()
                    .orElseThrow();
            assertEquals("claimed", seat.getString("status"), seat.toString());
            assertFalse(seat.isNull("member_id"), "each claim made its member: " + seat);
        }
        assertNotEquals(
                seats.get(0).getString("member_id"), seats.get(1).getString("member_id"), "two people, two members");
    }

    @Test
    void firstClaimsOfOneCustomerDoNotWaitForEachOtherInTheMemberModel() {
        firstClaimsOfOneCustomerDoNotWaitForEachOther(true);
    }

    @Test
    void firstClaimsOfOneCustomerDoNotWaitForEachOtherInTheLegacyModel() {
        firstClaimsOfOneCustomerDoNotWaitForEachOther(false);
    }

    @Test
    void openApiDescribesTheTwoSeedEndpointsAsTheSeedsDo() throws Exception {
        var reply = new Api(new URL(base, "/")).get("/openapi", null);
        assertEquals(200, reply.status());
        var doc = reply.json();
        var schemas = doc.getJsonObject("components").getJsonObject("schemas");

        var claim = doc.getJsonObject("paths")
                .getJsonObject("/v1/customer-seats/claim")
                .getJsonObject("post");
        assertEquals("customer-seats:claim_seat", claim.getString("operationId"));
        assertEquals(
                Set.of("200", "400", "403", "422"),
                claim.getJsonObject("responses").keySet());
        assertTrue(claim.getJsonObject("requestBody").getBoolean("required"));
        assertEquals("#/components/schemas/SeatClaim", schemaRef(claim.getJsonObject("requestBody")));
        assertEquals(
                "#/components/schemas/CustomerSeatClaimResponse",
                schemaRef(claim.getJsonObject("responses").getJsonObject("200")));
        assertEquals(
                "#/components/schemas/HTTPValidationError",
                schemaRef(claim.getJsonObject("responses").getJsonObject("422")));
        assertEquals(
                List.of("invitation_token"),
                names(schemas.getJsonObject("SeatClaim").getJsonArray("required")));
        assertEquals(
                Set.of("invitation_token"),
                schemas.getJsonObject("SeatClaim").getJsonObject("properties").keySet());
        assertEquals(
                Set.of("seat", "customer_session_token"),
                schemas.getJsonObject("CustomerSeatClaimResponse")
                        .getJsonObject("properties")
                        .keySet());

        var revoke = doc.getJsonObject("paths")
                .getJsonObject("/v1/customer-portal/seats/{seat_id}")
                .getJsonObject("delete");
        assertEquals("customer_portal:seats:revoke_seat", revoke.getString("operationId"));
        assertEquals(
                Set.of("200", "401", "403", "404", "422"),
                revoke.getJsonObject("responses").keySet());
        assertEquals(
                "#/components/schemas/CustomerSeat",
                schemaRef(revoke.getJsonObject("responses").getJsonObject("200")));
        assertEquals(
                "#/components/schemas/HTTPValidationError",
                schemaRef(revoke.getJsonObject("responses").getJsonObject("422")));
        var seatId = revoke.getJsonArray("parameters").getJsonObject(0);
        assertEquals("seat_id", seatId.getString("name"));
        assertEquals("path", seatId.getString("in"));
        assertTrue(seatId.getBoolean("required"));
        assertEquals("uuid4", seatId.getJsonObject("schema").getString("format"));
        var security = revoke.getJsonArray("security").stream()
                .map(v -> v.asJsonObject().keySet())
                .toList();
        assertTrue(
                security.contains(Set.of("customer_session")) && security.contains(Set.of("member_session")),
                security.toString());

        assertEquals(
                Shapes.CUSTOMER_SEAT,
                schemas.getJsonObject("CustomerSeat")
                        .getJsonObject("properties")
                        .keySet());
        assertEquals(
                List.of("created_at", "modified_at", "id", "status"),
                names(schemas.getJsonObject("CustomerSeat").getJsonArray("required")));
        assertEquals(
                List.of("pending", "claimed", "revoked"),
                names(schemas.getJsonObject("SeatStatus").getJsonArray("enum")));
        assertEquals(
                Set.of("loc", "msg", "type"),
                schemas.getJsonObject("ValidationError")
                        .getJsonObject("properties")
                        .keySet());
    }

    private static String schemaRef(JsonObject withContent) {
        return withContent
                .getJsonObject("content")
                .getJsonObject("application/json")
                .getJsonObject("schema")
                .getString("$ref");
    }

    private static List<String> names(JsonArray array) {
        return array.getValuesAs(JsonString::getString);
    }
}

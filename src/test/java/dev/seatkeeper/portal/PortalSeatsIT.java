package dev.seatkeeper.portal;

import static dev.seatkeeper.testing.Shapes.assertError;
import static dev.seatkeeper.testing.Shapes.assertKeys;
import static dev.seatkeeper.testing.Shapes.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.testing.Api;
import dev.seatkeeper.testing.ApiTest;
import dev.seatkeeper.testing.Fixtures;
import dev.seatkeeper.testing.Shapes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Listing, re-sending and assigning seats, from the organization and from the portal, in both models. */
class PortalSeatsIT extends ApiTest {
    /** A tenant in one model with a billing customer, its portal session, and a subscription of 3 seats. */
    record Shop(
            Api api,
            Fixtures fixtures,
            Fixtures.Tenant tenant,
            String productId,
            String customerId,
            String billingSession,
            String subscriptionId) {
        JsonObject portalAssign(String session, String email) {
            var reply = api.post(
                    "/v1/customer-portal/seats",
                    session,
                    Json.createObjectBuilder()
                            .add("subscription_id", subscriptionId)
                            .add("email", email)
                            .build());
            assertEquals(200, reply.status(), reply.toString());
            return reply.json();
        }
    }

    Shop shop(boolean memberModel) {
        var api = new Api(base);
        var fixtures = new Fixtures(api);
        var tenant = fixtures.tenant(true, memberModel);
        String productId = fixtures.product(tenant, "month").getString("id");
        String customerId = fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
        String subscriptionId =
                fixtures.subscription(tenant, productId, customerId, 3).getString("id");
        return new Shop(
                api,
                fixtures,
                tenant,
                productId,
                customerId,
                fixtures.session(tenant, customerId).getString("token"),
                subscriptionId);
    }

    @ParameterizedTest(name = "member model {0}")
    @ValueSource(booleans = {true, false})
    void billingCustomerAssignsListsAndResendsFromThePortal(boolean memberModel) {
        var shop = shop(memberModel);
        var api = shop.api();
        var seat = shop.portalAssign(shop.billingSession(), Fixtures.email("portal"));
        assertKeys(Shapes.CUSTOMER_SEAT, seat);
        assertEquals("pending", seat.getString("status"));

        var list = api.get("/v1/customer-portal/seats?subscription_id=" + shop.subscriptionId(), shop.billingSession());
        assertEquals(200, list.status(), list.toString());
        assertKeys(Set.of("seats", "available_seats", "total_seats"), list.json());
        assertEquals(2, list.json().getInt("available_seats"));
        assertEquals(3, list.json().getInt("total_seats"));
        assertKeys(Shapes.CUSTOMER_SEAT, list.json().getJsonArray("seats").getJsonObject(0));
        assertEquals(
                list.json(),
                api.get(
                                "/v1/customer-seats?subscription_id=" + shop.subscriptionId(),
                                shop.tenant().token())
                        .json(),
                "the organization sees the same");

        // The organization's resend shows the token (only organization routes do); the portal's resend replaces it.
        String orgToken = api.post(
                        "/v1/customer-seats/" + seat.getString("id") + "/resend",
                        shop.tenant().token(),
                        "")
                .string("invitation_token");
        var resent =
                api.post("/v1/customer-portal/seats/" + seat.getString("id") + "/resend", shop.billingSession(), "");
        assertEquals(200, resent.status(), resent.toString());
        assertKeys(Shapes.CUSTOMER_SEAT, resent.json());
        assertError(
                api.post(
                        "/v1/customer-seats/claim",
                        null,
                        Json.createObjectBuilder()
                                .add("invitation_token", orgToken)
                                .build()),
                400,
                "InvalidInvitationToken",
                null);
        var reissued = api.post(
                "/v1/customer-seats/" + seat.getString("id") + "/resend",
                shop.tenant().token(),
                "");
        assertKeys(Shapes.INVITED_SEAT, reissued.json());
        assertNotEquals(orgToken, reissued.string("invitation_token"));
        var claimed = shop.fixtures().claim(reissued.string("invitation_token"));
        assertError(
                api.post("/v1/customer-portal/seats/" + seat.getString("id") + "/resend", shop.billingSession(), ""),
                400,
                "SeatNotPending",
                "Seat is not in pending status");
        assertEquals("claimed", claimed.getJsonObject("seat").getString("status"));
    }

    @Test
    void resendGivesAFreshExpiryAndOnlyForPendingSeats() {
        var shop = shop(true);
        var api = shop.api();
        var seat = shop.fixtures().assign(shop.tenant(), shop.subscriptionId(), Fixtures.email("late"));
        String token = seat.getString("invitation_token");
        assertEquals(
                204,
                api.post("/test-support/expire-invitation/" + token, null, "").status());
        var resent = api.post(
                "/v1/customer-seats/" + seat.getString("id") + "/resend",
                shop.tenant().token(),
                "");
        assertEquals(200, resent.status(), resent.toString());
        var expires = OffsetDateTime.parse(resent.string("invitation_token_expires_at"));
        assertTrue(expires.isAfter(OffsetDateTime.now().plusHours(23)), "a fresh day: " + expires);
        assertEquals(
                "claimed",
                shop.fixtures()
                        .claim(resent.string("invitation_token"))
                        .getJsonObject("seat")
                        .getString("status"));
        assertError(
                api.post(
                        "/v1/customer-seats/" + seat.getString("id") + "/resend",
                        shop.tenant().token(),
                        ""),
                400,
                "SeatNotPending",
                "Seat is not in pending status");
        assertError(
                api.post(
                        "/v1/customer-seats/" + UUID.randomUUID() + "/resend",
                        shop.tenant().token(),
                        ""),
                404,
                "ResourceNotFound",
                "Seat not found");
        assertValidationError(
                api.post("/v1/customer-seats/x/resend", shop.tenant().token(), ""), "uuid_parsing", "path", "seat_id");
    }

    @ParameterizedTest(name = "member model {0}")
    @ValueSource(booleans = {true, false})
    void anotherCustomersIdsInPortalBodiesAnswerLikeUnknownIdsAndChangeNothing(boolean memberModel) {
        var shop = shop(memberModel);
        var api = shop.api();
        String external = "ext-" + UUID.randomUUID();
        var neighbour = api.post(
                "/v1/customers/",
                shop.tenant().token(),
                Json.createObjectBuilder()
                        .add("email", Fixtures.email("neighbour"))
                        .add("external_id", external)
                        .build());
        assertEquals(201, neighbour.status(), neighbour.toString());
        String manager = shop.fixtures().memberSession(shop.tenant(), shop.customerId(), "billing_manager");
        for (String caller : new String[] {shop.billingSession(), manager}) {
            for (var named : new String[][] {
                {"customer_id", neighbour.string("id")},
                {"customer_id", UUID.randomUUID().toString()},
                {"external_customer_id", external},
                {"external_customer_id", "ext-unknown"}
            }) {
                var body = Json.createObjectBuilder()
                        .add("subscription_id", shop.subscriptionId())
                        .add(named[0], named[1]);
                var foreign = api.post(
                        "/v1/customer-portal/seats",
                        caller,
                        body.add("immediate_claim", true).build());
                assertError(foreign, 404, "ResourceNotFound", "Customer not found");
            }
        }
        var seats = api.get(
                        "/v1/customer-seats?subscription_id=" + shop.subscriptionId(),
                        shop.tenant().token())
                .json();
        assertEquals(0, seats.getJsonArray("seats").size(), seats.toString());
        assertEquals(3, seats.getInt("available_seats"));
        var members = api.get(
                        "/v1/members/?customer_id=" + shop.customerId(),
                        shop.tenant().token())
                .json();
        assertTrue(
                members.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .noneMatch(m -> m.getString("email").startsWith("neighbour")),
                members.toString());
    }

    /** Another customer of the shop's organization with a subscription of 2 seats; returns the subscription id. */
    static String neighbourSubscription(Shop shop) {
        String neighbour = shop.fixtures()
                .customer(shop.tenant(), Fixtures.email("neighbour"))
                .getString("id");
        return shop.fixtures()
                .subscription(shop.tenant(), shop.productId(), neighbour, 2)
                .getString("id");
    }

    /** The shop's billing customer (a customer session) and one of its billing managers (a member session). */
    static List<String> billingCallers(Shop shop) {
        return List.of(
                shop.billingSession(),
                shop.fixtures().memberSession(shop.tenant(), shop.customerId(), "billing_manager"));
    }

    @ParameterizedTest(name = "member model {0}")
    @ValueSource(booleans = {true, false})
    void anotherCustomersSeatsAnswerLikeUnknownSeatsOnPortalRevokeAndResend(boolean memberModel) {
        var shop = shop(memberModel);
        var api = shop.api();
        String theirSubscription = neighbourSubscription(shop);
        String pending = shop.fixtures()
                .assign(shop.tenant(), theirSubscription, Fixtures.email("their-pending"))
                .getString("id");
        String claimed = shop.fixtures()
                .claim(shop.fixtures()
                        .assign(shop.tenant(), theirSubscription, Fixtures.email("their-claimed"))
                        .getString("invitation_token"))
                .getJsonObject("seat")
                .getString("id");
        String theirSeats = "/v1/customer-seats?subscription_id=" + theirSubscription;
        var before = api.get(theirSeats, shop.tenant().token()).json();
        String unknown = UUID.randomUUID().toString();
        for (String caller : billingCallers(shop)) {
            // Revoke, then resend: the resend of a claimed seat of one's own would be a 400, so a 404 here also shows
            // that nothing about the seat's state leaks.
            for (String[] route : new String[][] {{"DELETE", ""}, {"POST", "/resend"}}) {
                String body = route[0].equals("POST") ? "" : null;
                var missing = api.send(route[0], "/v1/customer-portal/seats/" + unknown + route[1], caller, body);
                assertError(missing, 404, "ResourceNotFound", "Seat not found");
                for (String seat : List.of(pending, claimed)) {
                    var theirs = api.send(route[0], "/v1/customer-portal/seats/" + seat + route[1], caller, body);
                    assertEquals(missing.status(), theirs.status(), theirs.toString());
                    assertEquals(missing.text(), theirs.text());
                }
            }
        }
        assertEquals(before, api.get(theirSeats, shop.tenant().token()).json(), "their seats are unchanged");
    }

    @ParameterizedTest(name = "member model {0}")
    @ValueSource(booleans = {true, false})
    void anotherCustomersSubscriptionAnswersLikeAnUnknownOneOnPortalListAndAssign(boolean memberModel) {
        var shop = shop(memberModel);
        var api = shop.api();
        String theirSubscription = neighbourSubscription(shop);
        String unknown = UUID.randomUUID().toString();
        for (String caller : billingCallers(shop)) {
            var missingList = api.get("/v1/customer-portal/seats?subscription_id=" + unknown, caller);
            assertError(missingList, 404, "ResourceNotFound", "Subscription not found");
            var theirList = api.get("/v1/customer-portal/seats?subscription_id=" + theirSubscription, caller);
            assertEquals(missingList.status(), theirList.status(), theirList.toString());
            assertEquals(missingList.text(), theirList.text());

            String email = Fixtures.email("intruder");
            var missingAssign = api.post(
                    "/v1/customer-portal/seats",
                    caller,
                    Json.createObjectBuilder()
                            .add("subscription_id", unknown)
                            .add("email", email)
                            .build());
            assertError(missingAssign, 404, "ResourceNotFound", "Subscription not found");
            var theirAssign = api.post(
                    "/v1/customer-portal/seats",
                    caller,
                    Json.createObjectBuilder()
                            .add("subscription_id", theirSubscription)
                            .add("email", email)
                            .add("immediate_claim", true)
                            .build());
            assertEquals(missingAssign.status(), theirAssign.status(), theirAssign.toString());
            assertEquals(missingAssign.text(), theirAssign.text());
        }
        var theirs = api.get(
                        "/v1/customer-seats?subscription_id=" + theirSubscription,
                        shop.tenant().token())
                .json();
        assertEquals(0, theirs.getJsonArray("seats").size(), theirs.toString());
        assertEquals(2, theirs.getInt("available_seats"));
    }

    @Test
    void aPortalImmediateClaimCannotGiveAnotherCustomerAClaimedSeat() {
        var shop = shop(false);
        var api = shop.api();
        List<String> callers = billingCallers(shop);
        for (String caller : callers) {
            // An existing customer of the organization, named by e-mail: in the legacy model the seat is theirs.
            String email = Fixtures.email("bystander");
            String bystander = shop.fixtures().customer(shop.tenant(), email).getString("id");
            var reply = api.post(
                    "/v1/customer-portal/seats",
                    caller,
                    Json.createObjectBuilder()
                            .add("subscription_id", shop.subscriptionId())
                            .add("email", email)
                            .add("immediate_claim", true)
                            .build());
            assertEquals(200, reply.status(), reply.toString());
            var seat = reply.json();
            assertKeys(Shapes.CUSTOMER_SEAT, seat);
            assertEquals("pending", seat.getString("status"), "invited, not claimed");
            assertTrue(seat.isNull("claimed_at"));
            assertTrue(seat.getJsonObject("member").isNull("name"), "no other customer's name: " + seat);
            var theirSession = shop.fixtures().session(shop.tenant(), bystander).getString("token");
            var held = api.get("/v1/customer-portal/seats/subscriptions", theirSession)
                    .json();
            assertEquals(0, held.getJsonObject("pagination").getInt("total_count"), "they hold no seat: " + held);
        }
        var stored = api.get(
                        "/v1/customer-seats?subscription_id=" + shop.subscriptionId(),
                        shop.tenant().token())
                .json();
        assertEquals(
                List.of("pending", "pending"),
                stored.getJsonArray("seats").getValuesAs(JsonObject.class).stream()
                        .map(s -> s.getString("status"))
                        .toList());
        assertTrue(shop.fixtures().seatEvents(shop.tenant()).stream()
                .noneMatch(e -> e.asJsonObject().getString("type").equals("customer_seat.claimed")));

        // The organization route keeps immediate_claim for any customer of the organization.
        var byOrganization = api.post(
                "/v1/customer-seats",
                shop.tenant().token(),
                Json.createObjectBuilder()
                        .add("subscription_id", shop.subscriptionId())
                        .add(
                                "email",
                                shop.fixtures()
                                        .customer(shop.tenant(), Fixtures.email("direct"))
                                        .getString("email"))
                        .add("immediate_claim", true)
                        .build());
        assertEquals(200, byOrganization.status(), byOrganization.toString());
        assertEquals("claimed", byOrganization.string("status"));
    }

    @ParameterizedTest(name = "member model {0}")
    @ValueSource(booleans = {true, false})
    void anotherCustomersMembersInPortalBodiesAnswerLikeUnknownMembers(boolean memberModel) {
        var shop = shop(memberModel);
        var api = shop.api();
        String neighbourId = shop.fixtures()
                .customer(shop.tenant(), Fixtures.email("next-door"))
                .getString("id");
        String externalMember = "member-" + UUID.randomUUID();
        var member = api.post(
                "/v1/customers/" + neighbourId + "/members",
                shop.tenant().token(),
                Json.createObjectBuilder()
                        .add("email", Fixtures.email("their-member"))
                        .add("external_id", externalMember)
                        .build());
        assertEquals(201, member.status(), member.toString());
        String manager = shop.fixtures().memberSession(shop.tenant(), shop.customerId(), "billing_manager");
        String unknownId = UUID.randomUUID().toString();
        for (String caller : new String[] {shop.billingSession(), manager}) {
            var theirs = api.post(
                    "/v1/customer-portal/seats",
                    caller,
                    Json.createObjectBuilder()
                            .add("subscription_id", shop.subscriptionId())
                            .add("member_id", member.string("id"))
                            .build());
            var unknown = api.post(
                    "/v1/customer-portal/seats",
                    caller,
                    Json.createObjectBuilder()
                            .add("subscription_id", shop.subscriptionId())
                            .add("member_id", unknownId)
                            .build());
            assertEquals(unknown.status(), theirs.status(), theirs.toString());
            assertEquals(unknown.text().replace(unknownId, "ID"), theirs.text().replace(member.string("id"), "ID"));
            var theirsExternal = api.post(
                    "/v1/customer-portal/seats",
                    caller,
                    Json.createObjectBuilder()
                            .add("subscription_id", shop.subscriptionId())
                            .add("external_member_id", externalMember)
                            .build());
            var unknownExternal = api.post(
                    "/v1/customer-portal/seats",
                    caller,
                    Json.createObjectBuilder()
                            .add("subscription_id", shop.subscriptionId())
                            .add("external_member_id", "member-unknown")
                            .build());
            assertEquals(unknownExternal.status(), theirsExternal.status(), theirsExternal.toString());
            assertEquals(
                    unknownExternal.text().replace("member-unknown", "ID"),
                    theirsExternal.text().replace(externalMember, "ID"));
            assertEquals(404, theirs.status(), theirs.toString());
        }
        assertEquals(
                0,
                api.get(
                                "/v1/customer-seats?subscription_id=" + shop.subscriptionId(),
                                shop.tenant().token())
                        .json()
                        .getJsonArray("seats")
                        .size());
    }

    @Test
    void aBillingManagerCannotTakeTheOwnersSessionThroughAPortalAssignment() {
        var shop = shop(true);
        var api = shop.api();
        String manager = shop.fixtures().memberSession(shop.tenant(), shop.customerId(), "billing_manager");
        var owner = api
                .get(
                        "/v1/members/?customer_id=" + shop.customerId(),
                        shop.tenant().token())
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(m -> m.getString("role").equals("owner"))
                .findFirst()
                .orElseThrow();
        var seat = api.post(
                "/v1/customer-portal/seats",
                manager,
                Json.createObjectBuilder()
                        .add("subscription_id", shop.subscriptionId())
                        .add("email", owner.getString("email"))
                        .build());
        assertEquals(200, seat.status(), seat.toString());
        assertKeys(Shapes.CUSTOMER_SEAT, seat.json());
        var resent = api.post("/v1/customer-portal/seats/" + seat.string("id") + "/resend", manager, "");
        assertKeys(Shapes.CUSTOMER_SEAT, resent.json());
        // Nothing in the manager's hands can be claimed: the seat stays pending, and no session for the owner exists.
        var list = api.get("/v1/customer-portal/seats?subscription_id=" + shop.subscriptionId(), manager)
                .json();
        assertEquals("pending", list.getJsonArray("seats").getJsonObject(0).getString("status"));
    }

    @Test
    void seatListsArePagedWhenAskedAndCanLeaveRevokedSeatsOut() {
        var shop = shop(true);
        var api = shop.api();
        var first = shop.fixtures().assign(shop.tenant(), shop.subscriptionId(), Fixtures.email("p1"));
        shop.fixtures().assign(shop.tenant(), shop.subscriptionId(), Fixtures.email("p2"));
        shop.fixtures().assign(shop.tenant(), shop.subscriptionId(), Fixtures.email("p3"));
        assertEquals(
                200,
                api.delete(
                                "/v1/customer-seats/" + first.getString("id"),
                                shop.tenant().token())
                        .status());
        for (String prefix :
                new String[] {"/v1/customer-seats?subscription_id=", "/v1/customer-portal/seats?subscription_id="}) {
            String caller = prefix.contains("portal")
                    ? shop.billingSession()
                    : shop.tenant().token();
            String base = prefix + shop.subscriptionId();
            var all = api.get(base, caller).json();
            assertEquals(3, all.getJsonArray("seats").size(), "every seat without page or limit: " + all);
            assertEquals(1, all.getInt("available_seats"));
            var pending = api.get(base + "&status=pending", caller).json();
            assertEquals(2, pending.getJsonArray("seats").size(), pending.toString());
            assertTrue(pending.getJsonArray("seats").getValuesAs(JsonObject.class).stream()
                    .allMatch(seat -> seat.getString("status").equals("pending")));
            var firstPage = api.get(base + "&page=1&limit=2", caller).json();
            assertEquals(2, firstPage.getJsonArray("seats").size());
            assertEquals(
                    first.getString("id"),
                    firstPage.getJsonArray("seats").getJsonObject(0).getString("id"),
                    "oldest first");
            var secondPage = api.get(base + "&page=2&limit=2", caller).json();
            assertEquals(1, secondPage.getJsonArray("seats").size());
            assertEquals(1, secondPage.getInt("available_seats"), "capacity counts every seat, whatever the page");
            assertEquals(3, secondPage.getInt("total_seats"));
            assertValidationError(api.get(base + "&status=lost", caller), "enum", "query", "status");
            assertValidationError(api.get(base + "&limit=0", caller), "greater_than", "query", "limit");
        }
    }

    @Test
    void rolesDecideWhoMayAssignAndResendButAnyRoleMayList() {
        var shop = shop(true);
        var api = shop.api();
        String manager = shop.fixtures().memberSession(shop.tenant(), shop.customerId(), "billing_manager");
        String plain = shop.fixtures().memberSession(shop.tenant(), shop.customerId(), "member");
        var seat = shop.portalAssign(manager, Fixtures.email("by-manager"));
        assertError(
                api.post(
                        "/v1/customer-portal/seats",
                        plain,
                        Json.createObjectBuilder()
                                .add("subscription_id", shop.subscriptionId())
                                .add("email", Fixtures.email("x"))
                                .build()),
                403,
                "NotPermitted",
                "Only owners and billing managers can access billing features.");
        assertError(
                api.post("/v1/customer-portal/seats/" + seat.getString("id") + "/resend", plain, ""),
                403,
                "NotPermitted",
                null);
        var list = api.get("/v1/customer-portal/seats?subscription_id=" + shop.subscriptionId(), plain);
        assertEquals(200, list.status(), list.toString());
        assertEquals(1, list.json().getJsonArray("seats").size());
        assertEquals(
                401,
                api.get("/v1/customer-portal/seats?subscription_id=" + shop.subscriptionId(), null)
                        .status());
    }

    /**
     * A seat's history in the portal (Beyond Polar; contract, "Beyond Polar: audit trail"): each actor in the
     * reader's own words and no id of a token, session, entry or request; for billing roles only, and another
     * customer's seat answers as an unknown one. In the member model the billing customer's portal session is its
     * owner's member session, so a billing manager reads the owner's changes as a team member's; in the legacy model
     * every portal session is the customer's own, which a member reads, once the member model is on, as "the billing
     * account".
     */
    @ParameterizedTest(name = "member model {0}")
    @ValueSource(booleans = {true, false})
    void billingRolesReadASeatsHistoryWithWhoDidWhatInTheirOwnWords(boolean memberModel) {
        var shop = shop(memberModel);
        var api = shop.api();
        String billingEmail = email(api, shop.billingSession());
        String manager = memberModel
                ? shop.fixtures().memberSession(shop.tenant(), shop.customerId(), "billing_manager")
                : shop.fixtures().session(shop.tenant(), shop.customerId()).getString("token");
        String seatId = shop.fixtures()
                .claim(shop.fixtures()
                        .assign(shop.tenant(), shop.subscriptionId(), Fixtures.email("history"))
                        .getString("invitation_token"))
                .getJsonObject("seat")
                .getString("id");
        String path = "/v1/customer-portal/seats/" + seatId;
        assertEquals(
                200, api.delete(path + "?at=period_end", shop.billingSession()).status());
        assertEquals(
                200,
                api.delete(
                                "/v1/customer-seats/" + seatId + "/scheduled-revocation",
                                shop.tenant().token())
                        .status());
        assertEquals(200, api.delete(path + "?at=period_end", manager).status());

        var history = api.get(path + "/history", shop.billingSession());
        assertEquals(200, history.status(), history.toString());
        assertKeys(Set.of("items"), history.json());
        var items = history.json().getJsonArray("items").getValuesAs(JsonObject.class);
        for (JsonObject item : items) {
            assertKeys(Set.of("at", "action", "reason", "from_status", "to_status", "actor"), item);
        }
        assertEquals(
                List.of("assigned", "claimed", "revocation_scheduled", "revocation_canceled", "revocation_scheduled"),
                items.stream().map(i -> i.getString("action")).toList());
        String backend = "your organization's backend";
        String invitee = "the invitee (claim)";
        assertEquals(
                List.of(
                        backend,
                        invitee,
                        "you",
                        backend,
                        memberModel ? "a member of your team (" + email(api, manager) + ")" : "you"),
                actors(history));
        assertTrue(items.get(0).isNull("from_status"), items.get(0).toString());
        assertEquals("pending", items.get(0).getString("to_status"));
        assertEquals("pending", items.get(1).getString("from_status"));
        assertEquals("claimed", items.get(1).getString("to_status"));

        if (memberModel) {
            // The billing manager reads the same entries: its own change is "you", the owner's a team member's.
            var managers = api.get(path + "/history", manager);
            assertEquals(200, managers.status(), managers.toString());
            assertEquals(
                    List.of(backend, invitee, "a member of your team (" + billingEmail + ")", backend, "you"),
                    actors(managers));
        } else {
            var memberModelOn = api.patch(
                    "/v1/organizations/" + shop.tenant().organizationId(),
                    Fixtures.OPERATOR,
                    Json.createObjectBuilder()
                            .add("feature_settings", Json.createObjectBuilder().add("member_model_enabled", true))
                            .build());
            assertEquals(200, memberModelOn.status(), memberModelOn.toString());
            manager = shop.fixtures().memberSession(shop.tenant(), shop.customerId(), "billing_manager");
            var managers = api.get(path + "/history", manager);
            assertEquals(200, managers.status(), managers.toString());
            assertEquals(
                    List.of(backend, invitee, "the billing account", backend, "the billing account"), actors(managers));
        }

        // None of the ids the organization's own history carries reaches the customer.
        String managers = api.get(path + "/history", manager).text();
        var organizations = api.get(
                "/v1/customer-seats/" + seatId + "/history", shop.tenant().token());
        assertEquals(200, organizations.status(), organizations.toString());
        for (JsonObject entry : organizations.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
            var ids = new ArrayList<>(List.of(entry.getString("id"), entry.getString("hash")));
            if (!entry.isNull("request_id")) {
                ids.add(entry.getString("request_id"));
            }
            if (!entry.getJsonObject("actor").isNull("id")) {
                ids.add(entry.getJsonObject("actor").getString("id"));
            }
            for (String id : ids) {
                assertFalse(history.text().contains(id), id + " in " + history.text());
                assertFalse(managers.contains(id), id + " in " + managers);
            }
        }

        String plain = shop.fixtures().memberSession(shop.tenant(), shop.customerId(), "member");
        assertError(
                api.get(path + "/history", plain),
                403,
                "NotPermitted",
                "Only owners and billing managers can access billing features.");
        assertEquals(401, api.get(path + "/history", null).status());

        String theirs = shop.fixtures()
                .assign(shop.tenant(), neighbourSubscription(shop), Fixtures.email("their-history"))
                .getString("id");
        String unknown = UUID.randomUUID().toString();
        for (String caller : List.of(shop.billingSession(), manager)) {
            var missing = api.get("/v1/customer-portal/seats/" + unknown + "/history", caller);
            assertError(missing, 404, "ResourceNotFound", "Seat not found");
            var other = api.get("/v1/customer-portal/seats/" + theirs + "/history", caller);
            assertEquals(missing.status(), other.status(), other.toString());
            assertEquals(missing.text(), other.text());
        }
    }

    @Test
    void openApiDescribesTheSeatHistoryRoute() throws Exception {
        var reply = new Api(new java.net.URL(base, "/")).get("/openapi", null);
        assertEquals(200, reply.status());
        var history = reply.json()
                .getJsonObject("paths")
                .getJsonObject("/v1/customer-portal/seats/{seat_id}/history")
                .getJsonObject("get");
        assertEquals("customer_portal:seats:history", history.getString("operationId"));
        assertEquals(
                Set.of("200", "401", "403", "404", "422"),
                history.getJsonObject("responses").keySet());
    }

    /** The e-mail of a portal session's user. */
    private static String email(Api api, String session) {
        var user = api.get("/v1/customer-portal/customer-session/user", session);
        assertEquals(200, user.status(), user.toString());
        return user.string("email");
    }

    /** The actors of a portal history, in order. */
    private static List<String> actors(Api.Reply history) {
        return history.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("actor"))
                .toList();
    }

    @Test
    void listsNeedAContainerOfTheCaller() {
        var shop = shop(true);
        var other = shop(true);
        var api = shop.api();
        assertError(
                api.get("/v1/customer-portal/seats", shop.billingSession()),
                400,
                "BadRequest",
                "Either subscription_id or order_id must be provided");
        assertError(
                api.get("/v1/customer-seats", shop.tenant().token()),
                400,
                "BadRequest",
                "Either subscription_id or order_id must be provided");
        assertError(
                api.get("/v1/customer-portal/seats?subscription_id=" + other.subscriptionId(), shop.billingSession()),
                404,
                "ResourceNotFound",
                "Subscription not found");
        assertError(
                api.get(
                        "/v1/customer-seats?order_id=" + UUID.randomUUID(),
                        shop.tenant().token()),
                404,
                "ResourceNotFound",
                "Order not found");
        assertValidationError(
                api.get("/v1/customer-seats?subscription_id=nope", shop.tenant().token()),
                "uuid_parsing",
                "query",
                "subscription_id");
        String neighbour = shop.fixtures()
                .customer(shop.tenant(), Fixtures.email("neighbour"))
                .getString("id");
        String neighbourSession =
                shop.fixtures().session(shop.tenant(), neighbour).getString("token");
        assertError(
                api.get("/v1/customer-portal/seats?subscription_id=" + shop.subscriptionId(), neighbourSession),
                404,
                "ResourceNotFound",
                null);
        assertError(
                api.post(
                        "/v1/customer-portal/seats",
                        neighbourSession,
                        Json.createObjectBuilder()
                                .add("subscription_id", shop.subscriptionId())
                                .add("email", Fixtures.email("y"))
                                .build()),
                404,
                "ResourceNotFound",
                "Subscription not found");
        assertValidationError(
                api.post(
                        "/v1/customer-portal/seats",
                        shop.billingSession(),
                        Json.createObjectBuilder()
                                .add("email", Fixtures.email("z"))
                                .build()),
                "value_error",
                "body");
        assertError(
                api.post(
                        "/v1/customer-portal/seats",
                        shop.billingSession(),
                        Json.createObjectBuilder()
                                .add("checkout_id", UUID.randomUUID().toString())
                                .add("email", Fixtures.email("c"))
                                .build()),
                404,
                "ResourceNotFound",
                "No subscription or order found for this checkout");
    }

    @Test
    void orderSeatsAreListedAndAssignedFromThePortal() {
        var shop = shop(true);
        var api = shop.api();
        String oneTime = shop.fixtures().product(shop.tenant(), null).getString("id");
        String orderId = api.post(
                        "/v1/orders/",
                        shop.tenant().token(),
                        Json.createObjectBuilder()
                                .add("product_id", oneTime)
                                .add("customer_id", shop.customerId())
                                .add("seats", 2)
                                .build())
                .string("id");
        var assigned = api.post(
                "/v1/customer-portal/seats",
                shop.billingSession(),
                Json.createObjectBuilder()
                        .add("order_id", orderId)
                        .add("email", Fixtures.email("order"))
                        .build());
        assertEquals(200, assigned.status(), assigned.toString());
        assertEquals(orderId, assigned.string("order_id"));
        var list = api.get("/v1/customer-portal/seats?order_id=" + orderId, shop.billingSession())
                .json();
        assertEquals(1, list.getInt("available_seats"));
        assertEquals(2, list.getInt("total_seats"));
    }

    @ParameterizedTest(name = "member model {0}")
    @ValueSource(booleans = {true, false})
    void holdersSeeTheSubscriptionsTheyHoldAClaimedSeatOn(boolean memberModel) {
        var shop = shop(memberModel);
        var api = shop.api();
        String email = Fixtures.email("holder");
        var claimed = shop.fixtures()
                .claim(shop.fixtures()
                        .assign(shop.tenant(), shop.subscriptionId(), email)
                        .getString("invitation_token"));
        String holderSession = claimed.getString("customer_session_token");
        var page = api.get("/v1/customer-portal/seats/subscriptions?page=1&limit=10", holderSession);
        assertEquals(200, page.status(), page.toString());
        assertEquals(1, page.json().getJsonObject("pagination").getInt("total_count"));
        assertEquals(1, page.json().getJsonObject("pagination").getInt("max_page"));
        var subscription = page.json().getJsonArray("items").getJsonObject(0);
        assertKeys(Shapes.CUSTOMER_SUBSCRIPTION, subscription);
        assertEquals(shop.subscriptionId(), subscription.getString("id"));
        var organization = subscription.getJsonObject("product").getJsonObject("organization");
        assertEquals(shop.tenant().slug(), organization.getString("slug"));
        assertTrue(organization.containsKey("customer_portal_settings"));

        var pending = api.get("/v1/customer-portal/seats/subscriptions", shop.billingSession())
                .json();
        assertEquals(0, pending.getJsonObject("pagination").getInt("total_count"), "the buyer holds no seat itself");
        assertEquals(0, pending.getJsonArray("items").size());
        assertValidationError(
                api.get("/v1/customer-portal/seats/subscriptions?page=0", holderSession),
                "greater_than",
                "query",
                "page");
        assertEquals(
                401, api.get("/v1/customer-portal/seats/subscriptions", null).status());
    }
}

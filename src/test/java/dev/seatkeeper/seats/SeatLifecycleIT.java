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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seat lifecycle beyond Polar (contract, "Beyond Polar: seat lifecycle"): the e-mail domain policy, expired
 * invitations holding seats (the default; {@link ExpiredInvitationsFreeSeatsIT} runs with the setting off),
 * transfer, bulk assignment and Idempotency-Key.
 */
class SeatLifecycleIT extends ApiTest {
    Fixtures.Tenant tenant;
    String productId;
    String customerId;
    String subscriptionId;
    String ownerSession;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant(true, true);
        productId = fixtures.product(tenant, "month").getString("id");
        customerId = fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
        subscriptionId = fixtures.subscription(tenant, productId, customerId, 3).getString("id");
        ownerSession = fixtures.session(tenant, customerId).getString("token");
    }

    private JsonObject listed() {
        var reply = api.get("/v1/customer-seats?subscription_id=" + subscriptionId, tenant.token());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private Api.Reply assign(String email) {
        return api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add("email", email)
                        .build());
    }

    private Api.Reply setDomains(String... domains) {
        var list = Json.createArrayBuilder();
        for (String d : domains) {
            list.add(d);
        }
        return api.patch(
                "/v1/organizations/" + tenant.organizationId(),
                Fixtures.OPERATOR,
                Json.createObjectBuilder()
                        .add("feature_settings", Json.createObjectBuilder().add("seat_email_domains", list))
                        .build());
    }

    private static String unique(String who, String domain) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
    }

    // --- E-mail domain policy ---

    @Test
    void organizationIsCreatedWithSeatEmailDomainsNormalized() {
        String slug = "org-" + UUID.randomUUID().toString().substring(0, 8);
        var reply = api.post(
                "/v1/organizations/",
                Fixtures.OPERATOR,
                Json.createObjectBuilder()
                        .add("name", "Domains")
                        .add("slug", slug)
                        .add(
                                "feature_settings",
                                Json.createObjectBuilder()
                                        .add("seat_based_pricing_enabled", true)
                                        .add(
                                                "seat_email_domains",
                                                Json.createArrayBuilder()
                                                        .add(" Example.COM ")
                                                        .add("corp.example.org")))
                        .build());
        assertEquals(201, reply.status(), reply.toString());
        assertEquals(
                Json.createArrayBuilder()
                        .add("example.com")
                        .add("corp.example.org")
                        .build(),
                reply.json().getJsonObject("feature_settings").getJsonArray("seat_email_domains"));
        var withoutDomains = fixtures.tenant(true, true);
        var get = api.get("/v1/organizations/" + withoutDomains.organizationId(), withoutDomains.token());
        assertEquals(
                0,
                get.json()
                        .getJsonObject("feature_settings")
                        .getJsonArray("seat_email_domains")
                        .size(),
                "absent means any domain: " + get);
    }

    @Test
    void seatEmailDomainsThatAreNotDomainNamesAreRefused() {
        assertValidationError(
                setDomains("example.com", "not a domain"),
                "value_error",
                "body",
                "feature_settings",
                "seat_email_domains");
        assertValidationError(
                setDomains("@example.com"), "value_error", "body", "feature_settings", "seat_email_domains");
        var get = api.get("/v1/organizations/" + tenant.organizationId(), tenant.token());
        assertEquals(
                0,
                get.json()
                        .getJsonObject("feature_settings")
                        .getJsonArray("seat_email_domains")
                        .size());
    }

    @Test
    void assignOutsideTheDomainsIsRefusedAndStoresNothing() {
        assertEquals(200, setDomains("Example.com").status());
        var refused = assign(unique("outsider", "elsewhere.org"));
        assertError(refused, 400, "EmailDomainNotAllowed", null);
        var sub = assign(unique("sub", "team.example.com"));
        assertError(sub, 400, "EmailDomainNotAllowed", null);
        var listed = listed();
        assertEquals(0, listed.getJsonArray("seats").size(), "nothing stored: " + listed);
        assertEquals(3, listed.getInt("available_seats"));
        assertEquals(0, fixtures.seatEvents(tenant).size());
        var members = api.get("/v1/members/?customer_id=" + customerId, tenant.token())
                .json();
        assertEquals(1, members.getJsonArray("items").size(), "only the owner, no member created: " + members);

        var allowed = assign(unique("Insider", "EXAMPLE.COM"));
        assertEquals(200, allowed.status(), "matching is case-insensitive: " + allowed);
        assertEquals(1, listed().getJsonArray("seats").size());
    }

    @Test
    void subdomainIsAllowedOnlyWhenListed() {
        assertEquals(200, setDomains("example.com", "team.example.com").status());
        assertEquals(200, assign(unique("sub", "team.example.com")).status());
        assertError(assign(unique("deeper", "x.team.example.com")), 400, "EmailDomainNotAllowed", null);
    }

    @Test
    void anEmptyListAllowsAnyDomainAgain() {
        assertEquals(200, setDomains("example.com").status());
        assertError(assign(unique("a", "other.net")), 400, "EmailDomainNotAllowed", null);
        var cleared = setDomains();
        assertEquals(200, cleared.status());
        assertEquals(
                0,
                cleared.json()
                        .getJsonObject("feature_settings")
                        .getJsonArray("seat_email_domains")
                        .size());
        assertEquals(200, assign(unique("a", "other.net")).status());
    }

    @Test
    void assignByMemberIdChecksTheMembersAddress() {
        var member = api.post(
                "/v1/customers/" + customerId + "/members",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("email", unique("m", "other.net"))
                        .build());
        assertEquals(201, member.status(), member.toString());
        assertEquals(200, setDomains("example.com").status());
        var reply = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add("member_id", member.string("id"))
                        .build());
        assertError(reply, 400, "EmailDomainNotAllowed", null);
        assertEquals(0, listed().getJsonArray("seats").size());
    }

    @Test
    void portalAssignOutsideTheDomainsIsRefused() {
        assertEquals(200, setDomains("example.com").status());
        var reply = api.post(
                "/v1/customer-portal/seats",
                ownerSession,
                Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add("email", unique("p", "other.net"))
                        .build());
        assertError(reply, 400, "EmailDomainNotAllowed", null);
        assertEquals(0, listed().getJsonArray("seats").size());
        var ok = api.post(
                "/v1/customer-portal/seats",
                ownerSession,
                Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add("email", unique("p", "example.com"))
                        .build());
        assertEquals(200, ok.status(), ok.toString());
    }

    // --- Expired invitations (default: they hold their seats, as Polar) ---

    @Test
    void byDefaultAnExpiredInvitationStillHoldsItsSeat() {
        var one = fixtures.subscription(tenant, productId, customerId, 1).getString("id");
        var first = fixtures.assign(tenant, one, Fixtures.email("first"));
        assertEquals(
                204,
                api.post("/test-support/expire-invitation/" + first.getString("invitation_token"), null, "")
                        .status());
        var listed = api.get("/v1/customer-seats?subscription_id=" + one, tenant.token())
                .json();
        assertEquals(0, listed.getInt("available_seats"), listed.toString());
        var second = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", one)
                        .add("email", Fixtures.email("second"))
                        .build());
        assertError(second, 400, "SeatNotAvailable", "No available seats for " + one);
        var resent = api.post("/v1/customer-seats/" + first.getString("id") + "/resend", tenant.token(), "");
        assertEquals(200, resent.status(), "the seat it holds is its own: " + resent);
    }

    // --- Transfer ---

    private static final String INTROSPECT = "/v1/customer-portal/customer-session/introspect";

    private Api.Reply transfer(String seatId, String token, JsonObject body) {
        return api.post("/v1/customer-seats/" + seatId + "/transfer", token, body);
    }

    private static JsonObject toEmail(String email) {
        return Json.createObjectBuilder().add("email", email).build();
    }

    private JsonObject seatById(String id) {
        return listed().getJsonArray("seats").getValuesAs(JsonObject.class).stream()
                .filter(seat -> seat.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void transferOfAClaimedSeatRevokesItAndInvitesTheNewHolder() {
        String oldEmail = Fixtures.email("old");
        var claimed =
                fixtures.claim(fixtures.assign(tenant, subscriptionId, oldEmail).getString("invitation_token"));
        String oldSeatId = claimed.getJsonObject("seat").getString("id");
        String oldSession = claimed.getString("customer_session_token");
        assertEquals(200, api.get(INTROSPECT, oldSession).status());
        int eventsBefore = fixtures.seatEvents(tenant).size();

        String newEmail = Fixtures.email("new");
        var reply = transfer(
                oldSeatId,
                tenant.token(),
                Json.createObjectBuilder()
                        .add("email", newEmail)
                        .add("metadata", Json.createObjectBuilder().add("team", "blue"))
                        .build());
        assertEquals(200, reply.status(), reply.toString());
        var body = reply.json();
        assertEquals(Set.of("revoked", "seat"), body.keySet());
        var revoked = body.getJsonObject("revoked");
        assertKeys(Shapes.CUSTOMER_SEAT, revoked);
        assertEquals(oldSeatId, revoked.getString("id"));
        assertEquals("revoked", revoked.getString("status"));
        assertTrue(revoked.isNull("email"));
        var seat = body.getJsonObject("seat");
        assertKeys(Shapes.INVITED_SEAT, seat);
        assertNotEquals(oldSeatId, seat.getString("id"));
        assertEquals("pending", seat.getString("status"));
        assertEquals(newEmail, seat.getString("email"));
        assertEquals(subscriptionId, seat.getString("subscription_id"));
        assertEquals("blue", seat.getJsonObject("seat_metadata").getString("team"));
        assertEquals(43, seat.getString("invitation_token").length());

        assertEquals(401, api.get(INTROSPECT, oldSession).status(), "the old holder's session ended");
        assertEquals("revoked", seatById(oldSeatId).getString("status"));
        assertEquals("pending", seatById(seat.getString("id")).getString("status"));
        assertEquals(2, listed().getInt("available_seats"), "one seat taken, as before");
        var events = fixtures.seatEvents(tenant);
        assertEquals(eventsBefore + 2, events.size());
        assertEquals("customer_seat.revoked", events.getJsonObject(eventsBefore).getString("type"));
        assertEquals(
                "customer_seat.assigned", events.getJsonObject(eventsBefore + 1).getString("type"));
        assertEquals(
                "claimed",
                fixtures.claim(seat.getString("invitation_token"))
                        .getJsonObject("seat")
                        .getString("status"));
    }

    @Test
    void transferOfAPendingSeatKillsItsInvitationAndKeepsItsMetadata() {
        var pending = api.post(
                        "/v1/customer-seats",
                        tenant.token(),
                        Json.createObjectBuilder()
                                .add("subscription_id", subscriptionId)
                                .add("email", Fixtures.email("pending"))
                                .add("metadata", Json.createObjectBuilder().add("k", "v"))
                                .build())
                .json();
        var reply = transfer(pending.getString("id"), tenant.token(), toEmail(Fixtures.email("next")));
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(
                "v",
                reply.json()
                        .getJsonObject("seat")
                        .getJsonObject("seat_metadata")
                        .getString("k"));
        var claim = api.post(
                "/v1/customer-seats/claim",
                null,
                Json.createObjectBuilder()
                        .add("invitation_token", pending.getString("invitation_token"))
                        .build());
        assertError(claim, 400, "InvalidInvitationToken", "Invalid or expired invitation token");
    }

    @Test
    void transferOfARevokedSeatIsRefusedAndChangesNothing() {
        var seat = fixtures.assign(tenant, subscriptionId, Fixtures.email("gone"));
        assertEquals(
                200,
                api.delete("/v1/customer-seats/" + seat.getString("id"), tenant.token())
                        .status());
        int eventsBefore = fixtures.seatEvents(tenant).size();
        var reply = transfer(seat.getString("id"), tenant.token(), toEmail(Fixtures.email("next")));
        assertError(reply, 400, "SeatNotTransferable", "Seat is revoked and cannot be transferred");
        assertEquals(1, listed().getJsonArray("seats").size());
        assertEquals(3, listed().getInt("available_seats"));
        assertEquals(eventsBefore, fixtures.seatEvents(tenant).size());
    }

    @Test
    void transferRefusedByTheDomainPolicyLeavesTheSeatWithItsHolder() {
        var claimed = fixtures.claim(fixtures.assign(tenant, subscriptionId, unique("kept", "example.com"))
                .getString("invitation_token"));
        String seatId = claimed.getJsonObject("seat").getString("id");
        assertEquals(200, setDomains("example.com").status());
        var reply = transfer(seatId, tenant.token(), toEmail(unique("out", "other.net")));
        assertError(reply, 400, "EmailDomainNotAllowed", null);
        assertEquals("claimed", seatById(seatId).getString("status"));
        assertEquals(1, listed().getJsonArray("seats").size());
        assertEquals(
                200,
                api.get(INTROSPECT, claimed.getString("customer_session_token")).status());
    }

    @Test
    void transferOfAnotherOrganizationsSeatIsNotFound() {
        var seat = fixtures.assign(tenant, subscriptionId, Fixtures.email("mine"));
        var other = fixtures.tenant(true, true);
        var reply = transfer(seat.getString("id"), other.token(), toEmail(Fixtures.email("thief")));
        assertError(reply, 404, "ResourceNotFound", "Seat not found");
        assertValidationError(
                transfer(
                        seat.getString("id"),
                        tenant.token(),
                        Json.createObjectBuilder().build()),
                "value_error",
                "body");
    }

    @Test
    void portalTransferAnswersWithoutTheInvitation() {
        var seat = fixtures.assign(tenant, subscriptionId, Fixtures.email("p"));
        var reply = api.post(
                "/v1/customer-portal/seats/" + seat.getString("id") + "/transfer",
                ownerSession,
                toEmail(Fixtures.email("q")));
        assertEquals(200, reply.status(), reply.toString());
        assertKeys(Shapes.CUSTOMER_SEAT, reply.json().getJsonObject("seat"));
        assertKeys(Shapes.CUSTOMER_SEAT, reply.json().getJsonObject("revoked"));
        assertEquals("pending", reply.json().getJsonObject("seat").getString("status"));
        String memberSession = fixtures.memberSession(tenant, customerId, "member");
        var refused = api.post(
                "/v1/customer-portal/seats/"
                        + reply.json().getJsonObject("seat").getString("id") + "/transfer",
                memberSession,
                toEmail(Fixtures.email("r")));
        assertError(refused, 403, "NotPermitted", null);
    }

    @Test
    void transferRacingAssignsOnAFullSubscriptionNeverExceedsCapacity() throws Exception {
        String seatId = null;
        for (int i = 0; i < 3; i++) {
            seatId = fixtures.assign(tenant, subscriptionId, Fixtures.email("full"))
                    .getString("id");
        }
        String transferred = seatId;
        String newEmail = Fixtures.email("heir");
        var replies = Concurrently.run(
                21,
                i -> i == 0
                        ? transfer(transferred, tenant.token(), toEmail(newEmail))
                        : assign(Fixtures.email("racer")));
        assertEquals(200, replies.get(0).status(), replies.get(0).toString());
        String newSeatId = replies.get(0).json().getJsonObject("seat").getString("id");
        for (var reply : replies.subList(1, replies.size())) {
            assertError(reply, 400, "SeatNotAvailable", "No available seats for " + subscriptionId);
        }
        var listed = listed();
        long taken = listed.getJsonArray("seats").getValuesAs(JsonObject.class).stream()
                .filter(seat -> !seat.getString("status").equals("revoked"))
                .count();
        assertEquals(3, taken, listed.toString());
        assertEquals(0, listed.getInt("available_seats"));
        assertEquals(newEmail, seatById(newSeatId).getString("email"));
    }

    // --- Bulk ---

    private Api.Reply bulk(JsonObject body) {
        return api.post("/v1/customer-seats/bulk", tenant.token(), body);
    }

    private JsonObject mixedBulk(String taken, String a, String b, String c, boolean dryRun) {
        return Json.createObjectBuilder()
                .add("subscription_id", subscriptionId)
                .add("dry_run", dryRun)
                .add(
                        "seats",
                        Json.createArrayBuilder()
                                .add(toEmail(a))
                                .add(toEmail(a.toUpperCase()))
                                .add(toEmail(taken))
                                .add(Json.createObjectBuilder()
                                        .add("email", b)
                                        .add(
                                                "metadata",
                                                Json.createObjectBuilder().add("n", 3)))
                                .add(toEmail(c)))
                .build();
    }

    private void assertMixedResults(JsonObject body, String taken, String a, boolean dryRun) {
        JsonArray results = body.getJsonArray("results");
        assertEquals(5, results.size(), body.toString());
        for (int i = 0; i < 5; i++) {
            assertEquals(i, results.getJsonObject(i).getInt("index"));
        }
        assertEquals(200, results.getJsonObject(0).getInt("status"));
        assertEquals(Set.of("index", "status", "seat"), results.getJsonObject(0).keySet());
        var seat = results.getJsonObject(0).getJsonObject("seat");
        assertKeys(Shapes.INVITED_SEAT, seat);
        assertEquals(a, seat.getString("email"));
        assertEquals(dryRun, seat.isNull("invitation_token"), "a dry run issues no invitation");
        assertEquals(
                Set.of("index", "status", "error"), results.getJsonObject(1).keySet());
        assertEquals(400, results.getJsonObject(1).getInt("status"));
        assertEquals(
                "SeatAlreadyAssigned",
                results.getJsonObject(1).getJsonObject("error").getString("error"));
        assertEquals(400, results.getJsonObject(2).getInt("status"));
        assertEquals(
                Json.createObjectBuilder()
                        .add("error", "SeatAlreadyAssigned")
                        .add("detail", "Seat already assigned to customer " + taken)
                        .build(),
                results.getJsonObject(2).getJsonObject("error"));
        assertEquals(200, results.getJsonObject(3).getInt("status"));
        assertEquals(
                3,
                results.getJsonObject(3)
                        .getJsonObject("seat")
                        .getJsonObject("seat_metadata")
                        .getInt("n"));
        assertEquals(400, results.getJsonObject(4).getInt("status"));
        assertEquals(
                Json.createObjectBuilder()
                        .add("error", "SeatNotAvailable")
                        .add("detail", "No available seats for " + subscriptionId)
                        .build(),
                results.getJsonObject(4).getJsonObject("error"));
        assertEquals(2, body.getInt("assigned"));
        assertEquals(0, body.getInt("available_seats"));
    }

    @Test
    void bulkResultsAreExactForValidDuplicateAndOverCapacityItems() {
        String taken = Fixtures.email("taken");
        fixtures.assign(tenant, subscriptionId, taken);
        String a = Fixtures.email("a");
        String b = Fixtures.email("b");
        String c = Fixtures.email("c");
        int eventsBefore = fixtures.seatEvents(tenant).size();
        var reply = bulk(mixedBulk(taken, a, b, c, false));
        assertEquals(200, reply.status(), reply.toString());
        assertMixedResults(reply.json(), taken, a, false);

        var listed = listed();
        assertEquals(
                Set.of(taken, a, b),
                listed.getJsonArray("seats").getValuesAs(JsonObject.class).stream()
                        .map(seat -> seat.getString("email"))
                        .collect(Collectors.toSet()));
        assertEquals(0, listed.getInt("available_seats"));
        assertEquals(eventsBefore + 2, fixtures.seatEvents(tenant).size());
        var token = reply.json()
                .getJsonArray("results")
                .getJsonObject(0)
                .getJsonObject("seat")
                .getString("invitation_token");
        assertEquals("claimed", fixtures.claim(token).getJsonObject("seat").getString("status"));
    }

    @Test
    void bulkDryRunReportsTheSameAndStoresNothing() {
        String taken = Fixtures.email("taken");
        fixtures.assign(tenant, subscriptionId, taken);
        var before = listed();
        var eventsBefore = fixtures.seatEvents(tenant);
        var membersBefore = api.get("/v1/members/?customer_id=" + customerId, tenant.token())
                .json();
        String a = Fixtures.email("a");
        var reply = bulk(mixedBulk(taken, a, Fixtures.email("b"), Fixtures.email("c"), true));
        assertEquals(200, reply.status(), reply.toString());
        assertMixedResults(reply.json(), taken, a, true);
        assertEquals(before, listed(), "the list is unchanged");
        assertEquals(eventsBefore, fixtures.seatEvents(tenant), "no event recorded");
        assertEquals(
                membersBefore.getJsonObject("pagination"),
                api.get("/v1/members/?customer_id=" + customerId, tenant.token())
                        .json()
                        .getJsonObject("pagination"),
                "no member created");
    }

    @Test
    void bulkRequestsThatDoNotFitTheSchemaAreRefusedWhole() {
        var many = Json.createArrayBuilder();
        for (int i = 0; i < 1001; i++) {
            many.add(toEmail("u" + i + "@example.com"));
        }
        assertValidationError(
                bulk(Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add("seats", many)
                        .build()),
                "too_long",
                "body",
                "seats");
        var malformed = bulk(Json.createObjectBuilder()
                .add("subscription_id", subscriptionId)
                .add(
                        "seats",
                        Json.createArrayBuilder()
                                .add(toEmail(Fixtures.email("ok")))
                                .add(toEmail("not-an-email")))
                .build());
        assertValidationError(malformed, "value_error", "body", "seats", 1, "email");
        assertEquals(0, listed().getJsonArray("seats").size(), "nothing assigned");
        var unknown = bulk(Json.createObjectBuilder()
                .add("subscription_id", UUID.randomUUID().toString())
                .add("seats", Json.createArrayBuilder().add(toEmail(Fixtures.email("x"))))
                .build());
        assertError(unknown, 404, "ResourceNotFound", "Subscription not found");
    }

    @Test
    void bulkAppliesTheDomainPolicyPerItem() {
        assertEquals(200, setDomains("example.com").status());
        var reply = bulk(Json.createObjectBuilder()
                .add("subscription_id", subscriptionId)
                .add(
                        "seats",
                        Json.createArrayBuilder()
                                .add(toEmail(unique("in", "example.com")))
                                .add(toEmail(unique("out", "other.net"))))
                .build());
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(200, reply.json().getJsonArray("results").getJsonObject(0).getInt("status"));
        assertEquals(400, reply.json().getJsonArray("results").getJsonObject(1).getInt("status"));
        assertEquals(
                "EmailDomainNotAllowed",
                reply.json()
                        .getJsonArray("results")
                        .getJsonObject(1)
                        .getJsonObject("error")
                        .getString("error"));
        assertEquals(1, reply.json().getInt("assigned"));
        assertEquals(1, listed().getJsonArray("seats").size());
    }

    // --- One new person given seats on several subscriptions at once (issue 24) ---

    /**
     * Ten bulk requests at once, one per subscription of one billing customer, each giving a seat to the same new
     * person (and one to someone else): every item succeeds, with one customer (legacy model) and one member for the
     * person. A dry run first stores nothing for the person: the customer and member it makes are rolled back.
     */
    private void tenBulkRequestsForOneNewPersonAtOnce(boolean memberModel) throws Exception {
        var race = new SamePersonRace(api, fixtures, memberModel);
        var dryRun = api.post(
                "/v1/customer-seats/bulk",
                race.tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", race.subscriptionIds.get(0))
                        .add("dry_run", true)
                        .add("seats", Json.createArrayBuilder().add(toEmail(race.email)))
                        .build());
        assertEquals(200, dryRun.status(), dryRun.toString());
        assertEquals(200, dryRun.json().getJsonArray("results").getJsonObject(0).getInt("status"), dryRun.toString());
        assertEquals(
                0,
                api.get("/v1/customers/?email=" + race.email.toLowerCase(), race.tenant.token())
                        .array("items")
                        .size(),
                "a dry run stores no customer");
        assertFalse(
                api.get("/v1/members/?limit=100&customer_id=" + race.billingId, race.tenant.token())
                        .text()
                        .toLowerCase()
                        .contains(race.email.toLowerCase()),
                "a dry run stores no member");
        var replies = Concurrently.run(
                SamePersonRace.SUBSCRIPTIONS,
                i -> api.post(
                        "/v1/customer-seats/bulk",
                        race.tenant.token(),
                        Json.createObjectBuilder()
                                .add("subscription_id", race.subscriptionIds.get(i))
                                .add(
                                        "seats",
                                        Json.createArrayBuilder()
                                                .add(toEmail(race.email))
                                                .add(toEmail(Fixtures.email("other"))))
                                .build()));
        race.assertAllSucceeded(replies, "pending");
        for (var reply : replies) {
            for (JsonObject item : reply.json().getJsonArray("results").getValuesAs(JsonObject.class)) {
                assertEquals(200, item.getInt("status"), "every item succeeds: " + reply);
            }
            assertEquals(2, reply.json().getInt("assigned"), reply.toString());
        }
    }

    @Test
    void tenBulkRequestsForOneNewPersonAtOnceAllSucceedInTheLegacyModel() throws Exception {
        tenBulkRequestsForOneNewPersonAtOnce(false);
    }

    @Test
    void tenBulkRequestsForOneNewPersonAtOnceAllSucceedInTheMemberModel() throws Exception {
        tenBulkRequestsForOneNewPersonAtOnce(true);
    }

    /**
     * A seat on each of ten subscriptions of one billing customer, held by ten people, transferred at once to the same
     * new person: every transfer succeeds, with one customer (legacy model) and one member for the person.
     */
    private void tenTransfersToOneNewPersonAtOnce(boolean memberModel) throws Exception {
        var race = new SamePersonRace(api, fixtures, memberModel);
        List<String> seatIds = race.subscriptionIds.stream()
                .map(id -> fixtures.assign(race.tenant, id, Fixtures.email("leaver"))
                        .getString("id"))
                .toList();
        var replies = Concurrently.run(
                seatIds.size(),
                i -> transfer(
                        seatIds.get(i),
                        race.tenant.token(),
                        toEmail(i % 2 == 0 ? race.email : race.email.toUpperCase())));
        race.assertAllSucceeded(replies, "pending");
        for (var reply : replies) {
            assertEquals("revoked", reply.json().getJsonObject("revoked").getString("status"), reply.toString());
        }
    }

    @Test
    void tenTransfersToOneNewPersonAtOnceAllSucceedInTheLegacyModel() throws Exception {
        tenTransfersToOneNewPersonAtOnce(false);
    }

    @Test
    void tenTransfersToOneNewPersonAtOnceAllSucceedInTheMemberModel() throws Exception {
        tenTransfersToOneNewPersonAtOnce(true);
    }

    // --- Idempotency-Key ---

    private static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    private JsonObject assignBody(String email) {
        return Json.createObjectBuilder()
                .add("subscription_id", subscriptionId)
                .add("email", email)
                .build();
    }

    @Test
    void twentyConcurrentRepeatsOfOneIdempotentAssignMakeOneSeat() throws Exception {
        String k = newKey();
        var body = assignBody(Fixtures.email("once"));
        var replies = Concurrently.run(20, i -> api.post("/v1/customer-seats", tenant.token(), body, key(k)));
        var firsts = replies.stream()
                .filter(r ->
                        r.status() == 200 && r.header("Idempotent-Replayed").isEmpty())
                .toList();
        assertEquals(1, firsts.size(), "the assign acted once: " + replies);
        String seatId = firsts.get(0).string("id");
        for (var reply : replies) {
            if (reply.status() == 200) {
                assertEquals(firsts.get(0).json(), reply.json(), "every 200 is the first response");
            } else {
                assertError(reply, 409, "IdempotencyKeyInUse", null);
            }
        }
        var listed = listed();
        assertEquals(1, listed.getJsonArray("seats").size(), listed.toString());
        assertEquals(2, listed.getInt("available_seats"));
        assertEquals(1, fixtures.seatEvents(tenant).size());

        var repeat = api.post("/v1/customer-seats", tenant.token(), body, key(k));
        assertEquals(200, repeat.status());
        assertEquals(Optional.of("true"), repeat.header("Idempotent-Replayed"));
        assertEquals(firsts.get(0).json(), repeat.json(), "status and body replayed, invitation included");
        assertEquals(seatId, repeat.string("id"));
        assertEquals(1, listed().getJsonArray("seats").size());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String k = newKey();
        assertEquals(
                200,
                api.post("/v1/customer-seats", tenant.token(), assignBody(Fixtures.email("a")), key(k))
                        .status());
        var reused = api.post("/v1/customer-seats", tenant.token(), assignBody(Fixtures.email("b")), key(k));
        assertError(reused, 422, "IdempotencyKeyReused", null);
        assertTrue(reused.header("Idempotent-Replayed").isEmpty());
        var otherRoute = api.delete("/v1/customer-seats/" + UUID.randomUUID(), tenant.token(), key(k));
        assertError(otherRoute, 422, "IdempotencyKeyReused", null);
        assertEquals(1, listed().getJsonArray("seats").size());
    }

    @Test
    void aKeyLongerThan255CharactersIsRefused() {
        var tooLong =
                api.post("/v1/customer-seats", tenant.token(), assignBody(Fixtures.email("a")), key("k".repeat(256)));
        assertValidationError(tooLong, "string_too_long", "header", "idempotency-key");
        assertEquals(0, listed().getJsonArray("seats").size());
        var longest =
                api.post("/v1/customer-seats", tenant.token(), assignBody(Fixtures.email("a")), key("k".repeat(255)));
        assertEquals(200, longest.status(), longest.toString());
    }

    @Test
    void aRefusalIsReplayedWithoutActingAgain() {
        var one = fixtures.subscription(tenant, productId, customerId, 1).getString("id");
        var holder = fixtures.assign(tenant, one, Fixtures.email("holder"));
        String k = newKey();
        var body = Json.createObjectBuilder()
                .add("subscription_id", one)
                .add("email", Fixtures.email("late"))
                .build();
        var first = api.post("/v1/customer-seats", tenant.token(), body, key(k));
        assertError(first, 400, "SeatNotAvailable", "No available seats for " + one);
        assertEquals(
                200,
                api.delete("/v1/customer-seats/" + holder.getString("id"), tenant.token())
                        .status());
        var repeat = api.post("/v1/customer-seats", tenant.token(), body, key(k));
        assertError(repeat, 400, "SeatNotAvailable", "No available seats for " + one);
        assertEquals(Optional.of("true"), repeat.header("Idempotent-Replayed"));
        var listed = api.get("/v1/customer-seats?subscription_id=" + one, tenant.token())
                .json();
        assertEquals(1, listed.getInt("available_seats"), "the repeat did not assign: " + listed);
    }

    @Test
    void keysAreScopedToTheCaller() {
        String k = newKey();
        var mine = api.post("/v1/customer-seats", tenant.token(), assignBody(Fixtures.email("a")), key(k));
        assertEquals(200, mine.status());
        var other = fixtures.tenant(true, true);
        var otherProduct = fixtures.product(other, "month").getString("id");
        var otherCustomer = fixtures.customer(other, Fixtures.email("c")).getString("id");
        var otherSub =
                fixtures.subscription(other, otherProduct, otherCustomer, 2).getString("id");
        var theirs = api.post(
                "/v1/customer-seats",
                other.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", otherSub)
                        .add("email", Fixtures.email("b"))
                        .build(),
                key(k));
        assertEquals(200, theirs.status(), "another organization's key is its own: " + theirs);
        assertTrue(theirs.header("Idempotent-Replayed").isEmpty());
        var portalBody = assignBody(Fixtures.email("p"));
        var portal = api.post("/v1/customer-portal/seats", ownerSession, portalBody, key(k));
        assertEquals(200, portal.status(), "a portal customer's keys are its own: " + portal);
        assertTrue(portal.header("Idempotent-Replayed").isEmpty());
        assertKeys(Shapes.CUSTOMER_SEAT, portal.json());
        var portalRepeat = api.post("/v1/customer-portal/seats", ownerSession, portalBody, key(k));
        assertEquals(Optional.of("true"), portalRepeat.header("Idempotent-Replayed"));
        assertEquals(portal.json(), portalRepeat.json(), "the portal's replay carries no invitation either");
    }

    @Test
    void claimRevokeResendTransferAndBulkReplayTheirFirstResponse() {
        var assigned = fixtures.assign(tenant, subscriptionId, Fixtures.email("c"));
        var claimBody = Json.createObjectBuilder()
                .add("invitation_token", assigned.getString("invitation_token"))
                .build();
        String claimKey = newKey();
        var claim = api.post("/v1/customer-seats/claim", null, claimBody, key(claimKey));
        assertEquals(200, claim.status(), claim.toString());
        var claimAgain = api.post("/v1/customer-seats/claim", null, claimBody, key(claimKey));
        assertEquals(Optional.of("true"), claimAgain.header("Idempotent-Replayed"));
        assertEquals(claim.json(), claimAgain.json());
        assertError(api.post("/v1/customer-seats/claim", null, claimBody), 400, "InvalidInvitationToken", null);

        var pending = fixtures.assign(tenant, subscriptionId, Fixtures.email("r"));
        String resendKey = newKey();
        var resend = api.post(
                "/v1/customer-seats/" + pending.getString("id") + "/resend",
                tenant.token(),
                Json.createObjectBuilder().build(),
                key(resendKey));
        assertEquals(200, resend.status(), resend.toString());
        var resendAgain = api.post(
                "/v1/customer-seats/" + pending.getString("id") + "/resend",
                tenant.token(),
                Json.createObjectBuilder().build(),
                key(resendKey));
        assertEquals(resend.json(), resendAgain.json(), "no third token was issued");
        assertEquals(
                "pending",
                listed().getJsonArray("seats").getValuesAs(JsonObject.class).stream()
                        .filter(seat -> seat.getString("id").equals(pending.getString("id")))
                        .findFirst()
                        .orElseThrow()
                        .getString("status"));

        String transferKey = newKey();
        var transferBody = toEmail(Fixtures.email("t"));
        var transfer = api.post(
                "/v1/customer-seats/" + pending.getString("id") + "/transfer",
                tenant.token(),
                transferBody,
                key(transferKey));
        assertEquals(200, transfer.status(), transfer.toString());
        var transferAgain = api.post(
                "/v1/customer-seats/" + pending.getString("id") + "/transfer",
                tenant.token(),
                transferBody,
                key(transferKey));
        assertEquals(transfer.json(), transferAgain.json());
        String newSeat = transfer.json().getJsonObject("seat").getString("id");

        String revokeKey = newKey();
        var revoke = api.delete("/v1/customer-seats/" + newSeat, tenant.token(), key(revokeKey));
        assertEquals(200, revoke.status());
        var revokeAgain = api.delete("/v1/customer-seats/" + newSeat, tenant.token(), key(revokeKey));
        assertEquals(Optional.of("true"), revokeAgain.header("Idempotent-Replayed"));
        assertEquals(revoke.json(), revokeAgain.json());

        String bulkKey = newKey();
        var bulkBody = Json.createObjectBuilder()
                .add("subscription_id", subscriptionId)
                .add("seats", Json.createArrayBuilder().add(toEmail(Fixtures.email("b1"))))
                .build();
        var bulk = api.post("/v1/customer-seats/bulk", tenant.token(), bulkBody, key(bulkKey));
        assertEquals(200, bulk.status(), bulk.toString());
        var bulkAgain = api.post("/v1/customer-seats/bulk", tenant.token(), bulkBody, key(bulkKey));
        assertEquals(bulk.json(), bulkAgain.json());
        assertEquals(Optional.of("true"), bulkAgain.header("Idempotent-Replayed"));
        long live = listed().getJsonArray("seats").getValuesAs(JsonObject.class).stream()
                .filter(seat -> !seat.getString("status").equals("revoked"))
                .count();
        assertEquals(2, live, "the claimed seat and the one bulk seat: nothing acted twice");
    }

    @Test
    void aStoredResponseIsSealedAndDeletedAfter24Hours() throws Exception {
        String k = newKey();
        var reply = api.post("/v1/customer-seats", tenant.token(), assignBody(Fixtures.email("s")), key(k));
        assertEquals(200, reply.status());
        var stored = api.get("/test-support/idempotency/" + k, null).json();
        assertEquals(1, stored.getInt("rows"));
        String sealed = stored.getString("response_sealed");
        assertFalse(sealed.contains(reply.string("invitation_token")), "no clear token in the database");
        assertFalse(sealed.contains("invitation"), "the body is not stored in clear");

        assertEquals(
                204,
                api.post("/test-support/idempotency/" + k + "/expire", null, "").status());
        long deadline = System.currentTimeMillis() + 15_000;
        while (api.get("/test-support/idempotency/" + k, null).json().getInt("rows") > 0) {
            assertTrue(System.currentTimeMillis() < deadline, "the expired record was not deleted");
            Thread.sleep(250);
        }
        var afterExpiry = api.post("/v1/customer-seats", tenant.token(), assignBody(Fixtures.email("s2")), key(k));
        assertEquals(200, afterExpiry.status(), "an expired key is free again: " + afterExpiry);
        assertTrue(afterExpiry.header("Idempotent-Replayed").isEmpty());
    }

    @Test
    void aRepeatWhileTheFirstIsInFlightIsRefusedWith409() throws Exception {
        String k = newKey();
        var body = Json.createObjectBuilder()
                .add("subscription_id", subscriptionId)
                .add("dry_run", true)
                .add("seats", Json.createArrayBuilder().add(toEmail(Fixtures.email("held"))))
                .build();
        // The subscription's lock, which the bulk assign takes for its item, is held until released below: the
        // first request stays in flight, however fast the machine.
        String lock = "/test-support/subscriptions/" + subscriptionId + "/lock";
        assertEquals(204, api.post(lock, null, "").status());
        var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var first = pool.submit(() -> api.post("/v1/customer-seats/bulk", tenant.token(), body, key(k)));
            long deadline = System.currentTimeMillis() + 5_000;
            JsonObject stored = api.get("/test-support/idempotency/" + k, null).json();
            while (stored.getInt("rows") == 0) {
                assertTrue(System.currentTimeMillis() < deadline, "the key was never recorded");
                Thread.sleep(10);
                stored = api.get("/test-support/idempotency/" + k, null).json();
            }
            assertTrue(stored.isNull("response_sealed"), "the first is still in flight");
            var repeat = api.post("/v1/customer-seats/bulk", tenant.token(), body, key(k));
            assertError(repeat, 409, "IdempotencyKeyInUse", null);
            assertTrue(repeat.header("Idempotent-Replayed").isEmpty());
            assertFalse(first.isDone(), "the first waited for the lock all along");

            assertEquals(204, api.delete(lock, null).status());
            var answered = first.get();
            assertEquals(200, answered.status(), answered.toString());
            var replay = api.post("/v1/customer-seats/bulk", tenant.token(), body, key(k));
            assertEquals(Optional.of("true"), replay.header("Idempotent-Replayed"));
            assertEquals(answered.json(), replay.json());
            assertEquals(1, answered.json().getInt("assigned"));
            assertEquals(0, listed().getJsonArray("seats").size(), "a dry run stores nothing");
        } finally {
            api.delete(lock, null);
            pool.shutdownNow();
        }
    }

    @Test
    void transferToAMemberById() {
        var member = api.post(
                "/v1/customers/" + customerId + "/members",
                tenant.token(),
                Json.createObjectBuilder().add("email", Fixtures.email("heir")).build());
        assertEquals(201, member.status(), member.toString());
        var seat = fixtures.assign(tenant, subscriptionId, Fixtures.email("from"));
        var reply = transfer(
                seat.getString("id"),
                tenant.token(),
                Json.createObjectBuilder().add("member_id", member.string("id")).build());
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(member.string("id"), reply.json().getJsonObject("seat").getString("member_id"));
        assertEquals(member.string("email"), reply.json().getJsonObject("seat").getString("email"));
        var unknown = transfer(
                reply.json().getJsonObject("seat").getString("id"),
                tenant.token(),
                Json.createObjectBuilder()
                        .add("member_id", UUID.randomUUID().toString())
                        .build());
        assertEquals(404, unknown.status(), unknown.toString());
        assertEquals(
                "pending",
                seatById(reply.json().getJsonObject("seat").getString("id")).getString("status"),
                "a refused transfer leaves the seat as it was");
    }

    @Test
    void theOpenApiDocumentDescribesTheLifecycleRoutes() throws Exception {
        var reply = new Api(new java.net.URL(base, "/")).get("/openapi", null);
        assertEquals(200, reply.status());
        var doc = reply.json();
        var paths = doc.getJsonObject("paths");
        for (String path : List.of(
                "/v1/customer-seats",
                "/v1/customer-seats/bulk",
                "/v1/customer-seats/claim",
                "/v1/customer-seats/{seat_id}/transfer",
                "/v1/customer-seats/{seat_id}/resend",
                "/v1/customer-portal/seats",
                "/v1/customer-portal/seats/{seat_id}/transfer",
                "/v1/customer-portal/seats/{seat_id}/resend")) {
            var post = paths.getJsonObject(path).getJsonObject("post");
            assertTrue(
                    post.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                            .anyMatch(p -> p.getString("name").equals("Idempotency-Key")
                                    && p.getString("in").equals("header")),
                    path + " documents Idempotency-Key: " + post);
        }
        var revoke = paths.getJsonObject("/v1/customer-seats/{seat_id}").getJsonObject("delete");
        assertTrue(revoke.toString().contains("Idempotency-Key"), revoke.toString());
        var list = paths.getJsonObject("/v1/customer-seats").getJsonObject("get");
        assertFalse(list.toString().contains("Idempotency-Key"), "a read takes no key");
        var schemas = doc.getJsonObject("components").getJsonObject("schemas");
        for (String schema : List.of(
                "SeatTransfer",
                "SeatTransferResponse",
                "PortalSeatTransferResponse",
                "SeatBulkAssign",
                "SeatBulkAssignResponse")) {
            assertTrue(schemas.containsKey(schema), schema);
        }
    }

    // --- Capacity signals (contract, "Beyond Polar: capacity signals, seat usage and seat metrics") ---

    /**
     * The organization's customer_seat_pool.* events as "type threshold seats claimed pending available", sorted: the
     * events of one change share a transaction and may share its timestamp, so their order is not asserted.
     */
    private List<String> poolEvents(Fixtures.Tenant of) {
        var reply = api.get("/test-support/events/" + of.organizationId(), null);
        assertEquals(200, reply.status(), reply.toString());
        return Api.json("{\"e\":" + reply.text() + "}").getJsonArray("e").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("type").startsWith("customer_seat_pool."))
                .map(e -> {
                    JsonObject data = e.getJsonObject("payload").getJsonObject("data");
                    return e.getString("type") + " " + data.getInt("threshold") + " " + data.getInt("seats") + " "
                            + data.getInt("claimed") + " " + data.getInt("pending") + " " + data.getInt("available");
                })
                .sorted()
                .toList();
    }

    private static List<String> sortedList(String... items) {
        return java.util.Arrays.stream(items).sorted().toList();
    }

    private String subscriptionOf(int seats) {
        return fixtures.subscription(tenant, productId, customerId, seats).getString("id");
    }

    private Api.Reply assignTo(String container, String email) {
        return api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", container)
                        .add("email", email)
                        .build());
    }

    @Test
    void aPoolFilledOneSeatAtATimeRecordsEachThresholdOnceAndFullAtTheEnd() {
        String pool = subscriptionOf(5);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, assignTo(pool, unique("one", "example.com")).status());
        }
        assertEquals(List.of(), poolEvents(tenant), "60 % reaches no threshold");
        assertEquals(200, assignTo(pool, unique("four", "example.com")).status());
        assertEquals(sortedList("customer_seat_pool.threshold_reached 80 5 0 4 1"), poolEvents(tenant));
        var last = assignTo(pool, unique("five", "example.com"));
        assertEquals(200, last.status());
        assertEquals(
                sortedList(
                        "customer_seat_pool.threshold_reached 80 5 0 4 1",
                        "customer_seat_pool.threshold_reached 100 5 0 5 0",
                        "customer_seat_pool.full 100 5 0 5 0"),
                poolEvents(tenant));
        var events =
                api.get("/test-support/events/" + tenant.organizationId(), null).text();
        JsonObject full = Api.json("{\"e\":" + events + "}").getJsonArray("e").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("type").equals("customer_seat_pool.full"))
                .findFirst()
                .orElseThrow()
                .getJsonObject("payload")
                .getJsonObject("data");
        assertEquals(pool, full.getString("subscription_id"));
        assertTrue(full.isNull("order_id"));
        // Down to 80 %: 100 is re-armed (5 points below), 80 is not; filling again records 100 and full once more.
        String seatId = last.json().getString("id");
        assertEquals(
                200, api.delete("/v1/customer-seats/" + seatId, tenant.token()).status());
        assertEquals(200, assignTo(pool, unique("again", "example.com")).status());
        assertEquals(
                sortedList(
                        "customer_seat_pool.threshold_reached 80 5 0 4 1",
                        "customer_seat_pool.threshold_reached 100 5 0 5 0",
                        "customer_seat_pool.full 100 5 0 5 0",
                        "customer_seat_pool.threshold_reached 100 5 0 5 0",
                        "customer_seat_pool.full 100 5 0 5 0"),
                poolEvents(tenant));
    }

    @Test
    void aBulkRequestThatFillsAPoolRecordsEachCrossingOnce() {
        String pool = subscriptionOf(5);
        var seats = Json.createArrayBuilder();
        for (int i = 0; i < 5; i++) {
            seats.add(toEmail(unique("bulk", "example.com")));
        }
        var reply = bulk(Json.createObjectBuilder()
                .add("subscription_id", pool)
                .add("seats", seats)
                .build());
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(5, reply.json().getInt("assigned"));
        assertEquals(
                sortedList(
                        "customer_seat_pool.threshold_reached 80 5 0 4 1",
                        "customer_seat_pool.threshold_reached 100 5 0 5 0",
                        "customer_seat_pool.full 100 5 0 5 0"),
                poolEvents(tenant));
    }

    @Test
    void concurrentAssignsRecordEachCrossingExactlyOnce() throws Exception {
        var patch = api.patch(
                "/v1/organizations/" + tenant.organizationId(),
                Fixtures.OPERATOR,
                Json.createObjectBuilder()
                        .add(
                                "feature_settings",
                                Json.createObjectBuilder()
                                        .add(
                                                "seat_capacity_alerts",
                                                Json.createArrayBuilder()
                                                        .add(50)
                                                        .add(90)
                                                        .add(50)))
                        .build());
        assertEquals(200, patch.status(), patch.toString());
        assertEquals(
                List.of(50, 90),
                patch.json().getJsonObject("feature_settings").getJsonArray("seat_capacity_alerts").stream()
                        .map(v -> ((jakarta.json.JsonNumber) v).intValue())
                        .toList());
        String pool = subscriptionOf(10);
        var statuses = Concurrently.run(
                14, i -> assignTo(pool, unique("race" + i, "example.com")).status());
        assertEquals(10, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        List<String> types = poolEvents(tenant).stream()
                .map(e -> e.substring(0, e.indexOf(' ', e.indexOf(' ') + 1)))
                .toList();
        assertEquals(
                sortedList(
                        "customer_seat_pool.threshold_reached 50",
                        "customer_seat_pool.threshold_reached 90",
                        "customer_seat_pool.full 100"),
                types);
    }

    @Test
    void aSeatDecreaseThatFillsThePoolRecordsFull() {
        String pool = subscriptionOf(5);
        for (int i = 0; i < 4; i++) {
            assertEquals(200, assignTo(pool, unique("dec", "example.com")).status());
        }
        var patch = api.patch(
                "/v1/subscriptions/" + pool,
                tenant.token(),
                Json.createObjectBuilder().add("seats", 4).build());
        assertEquals(200, patch.status(), patch.toString());
        assertEquals(
                sortedList(
                        "customer_seat_pool.threshold_reached 80 5 0 4 1",
                        "customer_seat_pool.threshold_reached 100 4 0 4 0",
                        "customer_seat_pool.full 100 4 0 4 0"),
                poolEvents(tenant));
    }

    @Test
    void capacityAlertsAreValidatedAsPolarValidates() {
        assertEquals(
                List.of(80, 100),
                api
                        .get("/v1/organizations/" + tenant.organizationId(), tenant.token())
                        .json()
                        .getJsonObject("feature_settings")
                        .getJsonArray("seat_capacity_alerts")
                        .stream()
                        .map(v -> ((jakarta.json.JsonNumber) v).intValue())
                        .toList());
        for (var bad : List.of(
                Map.entry(Json.createArrayBuilder().add(0), "greater_than_equal"),
                Map.entry(Json.createArrayBuilder().add(80).add(101), "less_than_equal"),
                Map.entry(Json.createArrayBuilder().add("x"), "int_parsing"))) {
            var reply = api.patch(
                    "/v1/organizations/" + tenant.organizationId(),
                    Fixtures.OPERATOR,
                    Json.createObjectBuilder()
                            .add(
                                    "feature_settings",
                                    Json.createObjectBuilder().add("seat_capacity_alerts", bad.getKey()))
                            .build());
            assertEquals(422, reply.status(), reply.toString());
            JsonObject issue = reply.json().getJsonArray("detail").getJsonObject(0);
            assertEquals(bad.getValue(), issue.getString("type"), reply.toString());
            assertEquals("seat_capacity_alerts", issue.getJsonArray("loc").getString(2));
        }
    }
}

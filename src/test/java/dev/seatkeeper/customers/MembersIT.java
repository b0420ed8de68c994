package dev.seatkeeper.customers;

import static dev.seatkeeper.testing.Shapes.assertError;
import static dev.seatkeeper.testing.Shapes.assertKeys;
import static dev.seatkeeper.testing.Shapes.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.testing.Api;
import dev.seatkeeper.testing.ApiTest;
import dev.seatkeeper.testing.Concurrently;
import dev.seatkeeper.testing.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract, "Members (Polar's member API)": the member API by id and by external id, the portal member API, the
 * cascade of a delete (seats revoked with events, sessions refused, capacity freed), the last-owner rule, e-mail
 * changes, tenant isolation, in the member and the legacy model; and the SeatAssign identity rule ("Assign").
 */
class MembersIT extends ApiTest {
    private static final Set<String> MEMBER =
            Set.of("id", "created_at", "modified_at", "customer_id", "email", "name", "external_id", "role");
    private static final Set<String> PORTAL_MEMBER = Set.of("id", "created_at", "modified_at", "email", "name", "role");
    private static final String INTROSPECT = "/v1/customer-portal/customer-session/introspect";

    Fixtures.Tenant tenant;
    String productId;
    String customerId;
    String customerEmail;
    String subscriptionId;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant(true, true);
        productId = fixtures.product(tenant, "month").getString("id");
        customerEmail = Fixtures.email("billing");
        customerId = fixtures.customer(tenant, customerEmail).getString("id");
        subscriptionId = fixtures.subscription(tenant, productId, customerId, 3).getString("id");
    }

    private String members(String customer) {
        return "/v1/customers/" + customer + "/members";
    }

    private JsonObject create(String customer, String email, String role) {
        var body = Json.createObjectBuilder().add("email", email).add("name", "Name " + email);
        if (role != null) {
            body.add("role", role);
        }
        var reply = api.post(members(customer), tenant.token(), body.build());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    private JsonObject owner() {
        var listed = api.get(members(customerId) + "?role=owner", tenant.token());
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(1, listed.array("items").size(), listed.toString());
        return listed.array("items").getJsonObject(0);
    }

    private static JsonObject body(String key, String value) {
        return Json.createObjectBuilder().add(key, value).build();
    }

    private JsonObject seats() {
        var reply = api.get("/v1/customer-seats?subscription_id=" + subscriptionId, tenant.token());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private JsonObject seat(String seatId) {
        return seats().getJsonArray("seats").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("id").equals(seatId))
                .findFirst()
                .orElseThrow();
    }

    /** The tenant's recorded events of one type, each {type, payload: {type, timestamp, data}}, oldest first. */
    private List<JsonObject> events(String type) {
        var reply = api.get("/test-support/events/" + tenant.organizationId(), null);
        assertEquals(200, reply.status(), reply.toString());
        try (var reader = Json.createReader(new StringReader(reply.text()))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getString("type").equals(type))
                    .toList();
        }
    }

    private String memberSession(String memberId) {
        var reply = api.post(
                "/v1/customer-sessions/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("customer_id", customerId)
                        .add("member_id", memberId)
                        .build());
        assertEquals(201, reply.status(), reply.toString());
        return reply.string("token");
    }

    @Test
    void createGetUpdateAndDeleteById() {
        String email = Fixtures.email("m");
        var member = create(customerId, email, "billing_manager");
        assertKeys(MEMBER, member);
        assertEquals("billing_manager", member.getString("role"));
        assertEquals(customerId, member.getString("customer_id"));
        String path = members(customerId) + "/" + member.getString("id");

        var got = api.get(path, tenant.token());
        assertEquals(200, got.status(), got.toString());
        assertEquals(member, got.json());

        var updated = api.patch(
                path,
                tenant.token(),
                Json.createObjectBuilder()
                        .add("name", "Renamed")
                        .add("role", "member")
                        .build());
        assertEquals(200, updated.status(), updated.toString());
        assertKeys(MEMBER, updated.json());
        assertEquals("Renamed", updated.string("name"));
        assertEquals("member", updated.string("role"));
        assertEquals(email, updated.string("email"));
        assertEquals("Renamed", api.get(path, tenant.token()).string("name"));
        assertTrue(events("member.updated").stream()
                .anyMatch(e -> e.getJsonObject("payload")
                        .getJsonObject("data")
                        .getString("name", "")
                        .equals("Renamed")));

        // Null fields stay as they are.
        var unchanged = api.patch(
                path, tenant.token(), Json.createObjectBuilder().addNull("name").build());
        assertEquals(200, unchanged.status(), unchanged.toString());
        assertEquals("Renamed", unchanged.string("name"));

        var listed = api.get(members(customerId) + "/", tenant.token());
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(2, listed.json().getJsonObject("pagination").getInt("total_count"), "owner and member");
        assertEquals(
                1,
                api.get(members(customerId) + "?role=member", tenant.token())
                        .array("items")
                        .size());
        assertValidationError(api.get(members(customerId) + "?role=boss", tenant.token()), "enum", "query", "role");

        var deleted = api.delete(path, tenant.token());
        assertEquals(204, deleted.status(), deleted.toString());
        assertError(api.get(path, tenant.token()), 404, "ResourceNotFound", "Member not found");
        assertError(api.delete(path, tenant.token()), 404, "ResourceNotFound", "Member not found");
        var deletedEvents = events("member.deleted");
        assertEquals(1, deletedEvents.size(), deletedEvents.toString());
        assertEquals(
                member.getString("id"),
                deletedEvents
                        .get(0)
                        .getJsonObject("payload")
                        .getJsonObject("data")
                        .getString("id"));
        assertEquals(
                1, api.get(members(customerId), tenant.token()).array("items").size());
    }

    @Test
    void byExternalIds() {
        String externalCustomer = "ext-" + UUID.randomUUID();
        var customer = api.post(
                "/v1/customers/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("email", Fixtures.email("ext"))
                        .add("external_id", externalCustomer)
                        .build());
        assertEquals(201, customer.status(), customer.toString());
        String base = "/v1/customers/external/" + externalCustomer + "/members";

        var created = api.post(
                base,
                tenant.token(),
                Json.createObjectBuilder()
                        .add("email", Fixtures.email("x"))
                        .add("external_id", "usr_1")
                        .build());
        assertEquals(201, created.status(), created.toString());
        assertKeys(MEMBER, created.json());
        assertEquals(customer.string("id"), created.string("customer_id"));
        assertEquals("usr_1", created.string("external_id"));
        assertEquals("member", created.string("role"));

        var got = api.get(base + "/usr_1", tenant.token());
        assertEquals(200, got.status(), got.toString());
        assertEquals(created.string("id"), got.string("id"));
        assertEquals(2, api.get(base, tenant.token()).array("items").size());

        var patched = api.patch(base + "/usr_1", tenant.token(), body("name", "By external id"));
        assertEquals(200, patched.status(), patched.toString());
        assertEquals("By external id", patched.string("name"));

        assertError(api.get(base + "/usr_2", tenant.token()), 404, "ResourceNotFound", "Member not found");
        assertError(
                api.get("/v1/customers/external/nobody/members/usr_1", tenant.token()),
                404,
                "ResourceNotFound",
                "Member not found");
        assertError(
                api.post("/v1/customers/external/nobody/members", tenant.token(), body("email", Fixtures.email("n"))),
                404,
                "ResourceNotFound",
                "Customer not found");
        assertError(api.get("/v1/customers/external/nobody/members", tenant.token()), 404, "ResourceNotFound", null);

        assertEquals(204, api.delete(base + "/usr_1", tenant.token()).status());
        assertError(api.get(base + "/usr_1", tenant.token()), 404, "ResourceNotFound", "Member not found");
    }

    @Test
    void documentedErrors() {
        String unknown = UUID.randomUUID().toString();
        assertError(
                api.post(members(unknown), tenant.token(), body("email", Fixtures.email("u"))),
                404,
                "ResourceNotFound",
                "Customer not found");
        assertError(api.get(members(unknown), tenant.token()), 404, "ResourceNotFound", "Customer not found");
        assertError(
                api.get(members(customerId) + "/" + unknown, tenant.token()),
                404,
                "ResourceNotFound",
                "Member not found");
        assertError(
                api.patch(members(customerId) + "/" + unknown, tenant.token(), body("name", "x")),
                404,
                "ResourceNotFound",
                "Member not found");
        assertValidationError(
                api.get(members(customerId) + "/not-a-uuid", tenant.token()), "uuid_parsing", "path", "member_id");
        assertValidationError(api.get("/v1/customers/nope/members", tenant.token()), "uuid_parsing", "path", "id");
        // Ownership comes with the customer, never with a create.
        assertValidationError(
                api.post(
                        members(customerId),
                        tenant.token(),
                        Json.createObjectBuilder()
                                .add("email", Fixtures.email("o"))
                                .add("role", "owner")
                                .build()),
                "enum",
                "body",
                "role");
        assertValidationError(api.post(members(customerId), tenant.token(), "{}"), "missing", "body", "email");
        assertValidationError(
                api.patch(members(customerId) + "/" + owner().getString("id"), tenant.token(), body("email", "no-at")),
                "value_error",
                "body",
                "email");
        assertValidationError(
                api.patch(members(customerId) + "/" + owner().getString("id"), tenant.token(), body("role", "boss")),
                "enum",
                "body",
                "role");

        // Scopes: members:read reads, only members:write writes; no token is 401.
        String reader = fixtures.token(tenant.organizationId(), List.of("members:read"));
        String path = members(customerId) + "/" + owner().getString("id");
        assertEquals(200, api.get(path, reader).status());
        assertEquals(200, api.get(members(customerId), reader).status());
        assertError(api.patch(path, reader, body("name", "x")), 403, "insufficient_scope", null);
        assertError(api.delete(path, reader), 403, "insufficient_scope", null);
        assertError(
                api.post(members(customerId), reader, body("email", Fixtures.email("r"))),
                403,
                "insufficient_scope",
                null);
        assertError(api.get(path, null), 401, "Unauthorized", "Unauthorized");
        assertEquals("owner", api.get(path, tenant.token()).string("role"));
    }

    @Test
    void anotherOrganizationsMembersAreUnknown() {
        var other = fixtures.tenant(true, true);
        var member = create(customerId, Fixtures.email("mine"), null);
        String path = members(customerId) + "/" + member.getString("id");
        assertError(api.get(path, other.token()), 404, "ResourceNotFound", "Member not found");
        assertError(api.patch(path, other.token(), body("name", "x")), 404, "ResourceNotFound", "Member not found");
        assertError(api.delete(path, other.token()), 404, "ResourceNotFound", "Member not found");
        assertError(api.get(members(customerId), other.token()), 404, "ResourceNotFound", "Customer not found");
        assertError(
                api.post(members(customerId), other.token(), body("email", Fixtures.email("i"))),
                404,
                "ResourceNotFound",
                "Customer not found");
        assertEquals(
                0,
                api.get("/v1/members/?customer_id=" + customerId, other.token())
                        .array("items")
                        .size());
        // Another customer's member under this customer's path is unknown too.
        String otherCustomer = fixtures.customer(tenant, Fixtures.email("c2")).getString("id");
        assertError(
                api.get(members(otherCustomer) + "/" + member.getString("id"), tenant.token()),
                404,
                "ResourceNotFound",
                "Member not found");
        var still = api.get(path, tenant.token());
        assertEquals(200, still.status(), still.toString());
        assertEquals(member.getString("name"), still.string("name"));
    }

    @Test
    void theLastOwnerCanNeitherBeDeletedNorDemoted() {
        String ownerPath = members(customerId) + "/" + owner().getString("id");
        var deleted = api.delete(ownerPath, tenant.token());
        assertError(deleted, 422, "CannotRemoveLastOwner", "Cannot delete the only owner. Transfer ownership first.");
        var demoted = api.patch(ownerPath, tenant.token(), body("role", "member"));
        assertError(demoted, 422, "CannotRemoveLastOwner", "Cannot change role. Customer must have exactly one owner.");
        assertEquals("owner", api.get(ownerPath, tenant.token()).string("role"));

        // Promoting another member transfers ownership: the previous owner becomes a billing manager.
        var next = create(customerId, Fixtures.email("next"), null);
        var promoted =
                api.patch(members(customerId) + "/" + next.getString("id"), tenant.token(), body("role", "owner"));
        assertEquals(200, promoted.status(), promoted.toString());
        assertEquals("owner", promoted.string("role"));
        assertEquals("billing_manager", api.get(ownerPath, tenant.token()).string("role"));
        assertEquals(next.getString("id"), owner().getString("id"));
        // The previous owner, no longer the last one, can go.
        assertEquals(204, api.delete(ownerPath, tenant.token()).status());
    }

    @Test
    void concurrentDeletesOfOneMemberDeleteItOnce() throws Exception {
        var member = create(customerId, Fixtures.email("race"), null);
        String path = members(customerId) + "/" + member.getString("id");
        var statuses = Concurrently.run(4, i -> api.delete(path, tenant.token()).status());
        assertEquals(1, statuses.stream().filter(s -> s == 204).count(), statuses.toString());
        assertTrue(statuses.stream().allMatch(s -> s == 204 || s == 404), statuses.toString());
        assertEquals(1, events("member.deleted").size());
    }

    @Test
    void emailIsUniquePerCustomerAnyCaseUnderConcurrency() throws Exception {
        var a = create(customerId, Fixtures.email("a"), null);
        var b = create(customerId, Fixtures.email("b"), null);
        var taken = api.patch(
                members(customerId) + "/" + b.getString("id"),
                tenant.token(),
                body("email", a.getString("email").toUpperCase()));
        assertValidationError(taken, "value_error", "body", "email");
        // A case-only change of one's own address is allowed.
        var recased = api.patch(
                members(customerId) + "/" + a.getString("id"),
                tenant.token(),
                body("email", a.getString("email").toUpperCase()));
        assertEquals(200, recased.status(), recased.toString());

        // Concurrent creates of one address in different cases make one member.
        String shared = Fixtures.email("shared");
        var created = Concurrently.run(
                4,
                i -> api.post(
                        members(customerId),
                        tenant.token(),
                        body("email", i % 2 == 0 ? shared : shared.toUpperCase())));
        assertEquals(
                1,
                created.stream().map(r -> r.json().getString("id")).distinct().count(),
                created.toString());

        // Concurrent changes of two members to one new address: one wins, the other is refused.
        String target = Fixtures.email("target");
        var changed = Concurrently.run(
                2,
                i -> api.patch(
                        members(customerId) + "/" + (i == 0 ? a : b).getString("id"),
                        tenant.token(),
                        body("email", i == 0 ? target : target.toUpperCase())));
        assertEquals(1, changed.stream().filter(r -> r.status() == 200).count(), changed.toString());
        assertEquals(1, changed.stream().filter(r -> r.status() == 422).count(), changed.toString());
        var all = api.get(members(customerId) + "?limit=100", tenant.token()).array("items");
        assertEquals(
                1,
                all.getValuesAs(JsonObject.class).stream()
                        .filter(m -> m.getString("email").equalsIgnoreCase(target))
                        .count());
    }

    @Test
    void anEmailChangeFollowsTheMemberOntoItsSeats() {
        String email = Fixtures.email("holder");
        var claimed =
                fixtures.claim(fixtures.assign(tenant, subscriptionId, email).getString("invitation_token"));
        String claimedSeat = claimed.getJsonObject("seat").getString("id");
        String memberId = claimed.getJsonObject("seat").getString("member_id");
        String secondSubscription =
                fixtures.subscription(tenant, productId, customerId, 2).getString("id");
        String pendingSeat = fixtures.assign(tenant, secondSubscription, email).getString("id");

        String changed = Fixtures.email("changed");
        var reply = api.patch(members(customerId) + "/" + memberId, tenant.token(), body("email", changed));
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(changed, reply.string("email"));

        var seat = seat(claimedSeat);
        assertEquals(changed, seat.getString("email"));
        assertEquals(changed, seat.getString("customer_email"));
        assertEquals(changed, seat.getJsonObject("member").getString("email"));
        var pending = api
                .get("/v1/customer-seats?subscription_id=" + secondSubscription, tenant.token())
                .json()
                .getJsonArray("seats")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(s -> s.getString("id").equals(pendingSeat))
                .findFirst()
                .orElseThrow();
        assertEquals(changed, pending.getString("email"));
        // The old address is free again: a seat for it is a new person's.
        assertEquals(
                200,
                api.post(
                                "/v1/customer-seats",
                                tenant.token(),
                                Json.createObjectBuilder()
                                        .add("subscription_id", subscriptionId)
                                        .add("email", email)
                                        .build())
                        .status());
    }

    @Test
    void deletingAMemberRevokesItsSeatsAndEndsItsSessions() {
        String email = Fixtures.email("holder");
        var claimed =
                fixtures.claim(fixtures.assign(tenant, subscriptionId, email).getString("invitation_token"));
        String claimedSeat = claimed.getJsonObject("seat").getString("id");
        String memberId = claimed.getJsonObject("seat").getString("member_id");
        String session = claimed.getString("customer_session_token");
        String secondSubscription =
                fixtures.subscription(tenant, productId, customerId, 1).getString("id");
        String pendingSeat = fixtures.assign(tenant, secondSubscription, email).getString("id");
        assertEquals(2, seats().getInt("available_seats"));
        assertEquals(200, api.get(INTROSPECT, session).status());

        var deleted = api.delete(members(customerId) + "/" + memberId, tenant.token());
        assertEquals(204, deleted.status(), deleted.toString());

        var seat = seat(claimedSeat);
        assertEquals("revoked", seat.getString("status"));
        assertTrue(seat.isNull("member_id"), seat.toString());
        assertTrue(seat.isNull("email"), seat.toString());
        assertEquals(3, seats().getInt("available_seats"), "the capacity is freed");
        var second = api.get("/v1/customer-seats?subscription_id=" + secondSubscription, tenant.token())
                .json();
        assertEquals(1, second.getInt("available_seats"));
        assertEquals(
                "revoked",
                second.getJsonArray("seats").getValuesAs(JsonObject.class).stream()
                        .filter(s -> s.getString("id").equals(pendingSeat))
                        .findFirst()
                        .orElseThrow()
                        .getString("status"));
        var introspect = api.get(INTROSPECT, session);
        assertError(introspect, 401, "invalid_token", null);

        var revoked = events("customer_seat.revoked");
        assertEquals(
                Set.of(claimedSeat, pendingSeat),
                revoked.stream()
                        .map(e ->
                                e.getJsonObject("payload").getJsonObject("data").getString("id"))
                        .collect(java.util.stream.Collectors.toSet()));
        assertTrue(revoked.stream()
                .allMatch(e -> memberId.equals(
                        e.getJsonObject("payload").getJsonObject("data").getString("previous_member_id", null))));
        var memberDeleted = events("member.deleted");
        assertEquals(1, memberDeleted.size());
        assertEquals(
                email,
                memberDeleted
                        .get(0)
                        .getJsonObject("payload")
                        .getJsonObject("data")
                        .getString("email"));

        // The freed capacity can be used at once, by the same person too (a new member).
        assertEquals(
                "pending", fixtures.assign(tenant, secondSubscription, email).getString("status"));
    }

    @Test
    void legacyModelMembers() {
        var legacy = fixtures.tenant(true, false);
        String product = fixtures.product(legacy, "month").getString("id");
        String billing = fixtures.customer(legacy, Fixtures.email("lb")).getString("id");
        String subscription = fixtures.subscription(legacy, product, billing, 2).getString("id");
        // No owner is made with a legacy customer: no last-owner rule applies to its members.
        var listed = api.get(members(billing), legacy.token());
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(0, listed.array("items").size());

        String holderEmail = Fixtures.email("lh");
        var assigned = api.post(
                "/v1/customer-seats",
                legacy.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", subscription)
                        .add("email", holderEmail)
                        .build());
        assertEquals(200, assigned.status(), assigned.toString());
        var claimed = fixtures.claim(assigned.string("invitation_token"));
        String seatId = claimed.getJsonObject("seat").getString("id");
        String memberId = claimed.getJsonObject("seat").getString("member_id");
        assertNotEquals(billing, claimed.getJsonObject("seat").getString("customer_id"), "the holder's own customer");

        var member = api.get(members(billing) + "/" + memberId, legacy.token());
        assertEquals(200, member.status(), member.toString());
        assertEquals("member", member.string("role"));
        // The only member may be promoted (there is no owner to transfer from) and deleted.
        assertEquals(
                "owner",
                api.patch(members(billing) + "/" + memberId, legacy.token(), body("role", "owner"))
                        .string("role"));
        assertError(api.delete(members(billing) + "/" + memberId, legacy.token()), 422, "CannotRemoveLastOwner", null);
        var added = create2(legacy, billing);
        assertEquals(
                200,
                api.patch(members(billing) + "/" + added, legacy.token(), body("role", "owner"))
                        .status());
        assertEquals(
                204,
                api.delete(members(billing) + "/" + memberId, legacy.token()).status());
        var seat = api.get("/v1/customer-seats?subscription_id=" + subscription, legacy.token())
                .json();
        assertEquals(2, seat.getInt("available_seats"));
        assertEquals(
                "revoked",
                seat.getJsonArray("seats").getValuesAs(JsonObject.class).stream()
                        .filter(s -> s.getString("id").equals(seatId))
                        .findFirst()
                        .orElseThrow()
                        .getString("status"));
        assertError(api.get(INTROSPECT, claimed.getString("customer_session_token")), 401, "invalid_token", null);
    }

    private String create2(Fixtures.Tenant t, String customer) {
        var reply = api.post(members(customer), t.token(), body("email", Fixtures.email("second")));
        assertEquals(201, reply.status(), reply.toString());
        return reply.string("id");
    }

    @Test
    void portalMembersForOwnersAndBillingManagers() {
        String owner = owner().getString("id");
        String ownerSession = memberSession(owner);
        var listed = api.get("/v1/customer-portal/members", ownerSession);
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(1, listed.array("items").size());
        assertKeys(PORTAL_MEMBER, listed.array("items").getJsonObject(0));

        var added = api.post(
                "/v1/customer-portal/members",
                ownerSession,
                Json.createObjectBuilder()
                        .add("email", Fixtures.email("team"))
                        .add("role", "billing_manager")
                        .build());
        assertEquals(201, added.status(), added.toString());
        assertKeys(PORTAL_MEMBER, added.json());
        String manager = added.string("id");
        assertValidationError(
                api.post(
                        "/v1/customer-portal/members",
                        ownerSession,
                        Json.createObjectBuilder()
                                .add("email", Fixtures.email("o"))
                                .add("role", "owner")
                                .build()),
                "value_error",
                "body",
                "role");
        assertValidationError(
                api.patch("/v1/customer-portal/members/" + owner, ownerSession, body("role", "member")),
                "value_error",
                "path",
                "id");
        assertValidationError(
                api.delete("/v1/customer-portal/members/" + owner, ownerSession), "value_error", "path", "id");

        // A billing manager manages the team but cannot make anybody owner.
        String managerSession = memberSession(manager);
        var plain = api.post("/v1/customer-portal/members", managerSession, body("email", Fixtures.email("plain")));
        assertEquals(201, plain.status(), plain.toString());
        assertEquals("member", plain.string("role"));
        assertValidationError(
                api.patch("/v1/customer-portal/members/" + plain.string("id"), managerSession, body("role", "owner")),
                "value_error",
                "body",
                "role");
        var renamed = api.patch("/v1/customer-portal/members/" + plain.string("id"), managerSession, body("name", "P"));
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals("P", renamed.string("name"));
        assertError(
                api.delete("/v1/customer-portal/members/" + owner, managerSession), 422, "CannotRemoveLastOwner", null);

        // A plain member: 403; a member of another customer: 404; a customer session: 401.
        String plainSession = memberSession(plain.string("id"));
        assertError(
                api.get("/v1/customer-portal/members", plainSession),
                403,
                "NotPermitted",
                "Only owners and billing managers can access billing features.");
        String otherCustomer =
                fixtures.customer(tenant, Fixtures.email("other")).getString("id");
        String stranger =
                create(otherCustomer, Fixtures.email("stranger"), null).getString("id");
        assertError(
                api.patch("/v1/customer-portal/members/" + stranger, ownerSession, body("name", "x")),
                404,
                "ResourceNotFound",
                "Member not found");
        assertError(
                api.delete("/v1/customer-portal/members/" + stranger, ownerSession),
                404,
                "ResourceNotFound",
                "Member not found");
        var legacy = fixtures.tenant(true, false);
        String legacyCustomer = fixtures.customer(legacy, Fixtures.email("lc")).getString("id");
        String customerSession = fixtures.session(legacy, legacyCustomer).getString("token");
        assertTrue(customerSession.startsWith("polar_cst_"));
        var unauthorized = api.get("/v1/customer-portal/members", customerSession);
        assertError(unauthorized, 401, "Unauthorized", "Unauthorized");
        assertTrue(unauthorized.header("WWW-Authenticate").orElse("").startsWith("Bearer"), unauthorized.toString());

        // The owner transfers ownership from the portal and is a billing manager afterwards.
        var transferred = api.patch("/v1/customer-portal/members/" + manager, ownerSession, body("role", "owner"));
        assertEquals(200, transferred.status(), transferred.toString());
        assertEquals("owner", transferred.string("role"));
        assertEquals(
                "billing_manager",
                api.get(members(customerId) + "/" + owner, tenant.token()).string("role"));

        // Removing a member from the portal: its seat is revoked, its session ends.
        String holderEmail = plain.string("email");
        var claimed = fixtures.claim(
                fixtures.assign(tenant, subscriptionId, holderEmail).getString("invitation_token"));
        assertEquals(plain.string("id"), claimed.getJsonObject("seat").getString("member_id"));
        var removed = api.delete("/v1/customer-portal/members/" + plain.string("id"), managerSession);
        assertEquals(204, removed.status(), removed.toString());
        assertEquals(
                "revoked", seat(claimed.getJsonObject("seat").getString("id")).getString("status"));
        assertEquals(3, seats().getInt("available_seats"));
        assertError(api.get(INTROSPECT, plainSession), 401, "invalid_token", null);
        assertEquals(1, events("member.deleted").size());
    }

    @Test
    void seatAssignIdentityRule() {
        String email = Fixtures.email("ident");
        var first = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add("email", email)
                        .add("external_member_id", "emp-1")
                        .build());
        assertEquals(200, first.status(), first.toString());
        var member = api.get("/v1/customers/" + customerId + "/members/" + first.string("member_id"), tenant.token());
        assertEquals("emp-1", member.string("external_id"));
        assertEquals(email, member.string("email"));

        String secondSubscription =
                fixtures.subscription(tenant, productId, customerId, 2).getString("id");
        var mismatch = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", secondSubscription)
                        .add("email", Fixtures.email("other"))
                        .add("external_member_id", "emp-1")
                        .build());
        assertError(mismatch, 400, "MemberEmailMismatch", null);
        var same = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", secondSubscription)
                        .add("email", email.toUpperCase())
                        .add("external_member_id", "emp-1")
                        .build());
        assertEquals(200, same.status(), same.toString());
        assertEquals(first.string("member_id"), same.string("member_id"));

        for (var refused : List.of(
                Json.createObjectBuilder().add("email", email).add("member_id", first.string("member_id")),
                Json.createObjectBuilder().add("email", email).add("customer_id", customerId),
                Json.createObjectBuilder().add("email", email).add("external_customer_id", "x"),
                Json.createObjectBuilder().add("customer_id", customerId).add("external_member_id", "emp-1"),
                Json.createObjectBuilder()
                        .add("member_id", first.string("member_id"))
                        .add("external_member_id", "emp-1"),
                Json.createObjectBuilder())) {
            var reply = api.post(
                    "/v1/customer-seats",
                    tenant.token(),
                    refused.add("subscription_id", secondSubscription).build());
            assertEquals(422, reply.status(), reply.toString());
            assertEquals("RequestValidationError", reply.string("error"));
        }
    }

    /** Issue "OpenAPI at /openapi lists the new operations with Polar's operationIds". */
    @Test
    void openApiListsTheMemberOperationsWithPolarsIds() throws Exception {
        var reply = new Api(new URL(base, "/")).get("/openapi", null);
        assertEquals(200, reply.status());
        var paths = reply.json().getJsonObject("paths");
        var expected = Map.ofEntries(
                Map.entry("/v1/customers/{id}/members post", "customers:members:create"),
                Map.entry("/v1/customers/{id}/members get", "customers:members:list"),
                Map.entry("/v1/customers/{id}/members/{member_id} get", "customers:members:get"),
                Map.entry("/v1/customers/{id}/members/{member_id} patch", "customers:members:update"),
                Map.entry("/v1/customers/{id}/members/{member_id} delete", "customers:members:delete"),
                Map.entry("/v1/customers/external/{external_id}/members post", "customers:members:create_external"),
                Map.entry("/v1/customers/external/{external_id}/members get", "customers:members:list_external"),
                Map.entry(
                        "/v1/customers/external/{external_id}/members/{member_external_id} get",
                        "customers:members:get_external"),
                Map.entry(
                        "/v1/customers/external/{external_id}/members/{member_external_id} patch",
                        "customers:members:update_external"),
                Map.entry(
                        "/v1/customers/external/{external_id}/members/{member_external_id} delete",
                        "customers:members:delete_external"),
                Map.entry("/v1/members get", "members:list_members"),
                Map.entry("/v1/customer-portal/members get", "customer_portal:members:list_members"),
                Map.entry("/v1/customer-portal/members post", "customer_portal:members:add_member"),
                Map.entry("/v1/customer-portal/members/{id} patch", "customer_portal:members:update_member"),
                Map.entry("/v1/customer-portal/members/{id} delete", "customer_portal:members:remove_member"));
        expected.forEach((operation, id) -> {
            String[] parts = operation.split(" ");
            var path = paths.getJsonObject(parts[0]);
            assertTrue(path != null && path.containsKey(parts[1]), operation + " missing from " + paths.keySet());
            assertEquals(id, path.getJsonObject(parts[1]).getString("operationId"), operation);
        });
    }
}

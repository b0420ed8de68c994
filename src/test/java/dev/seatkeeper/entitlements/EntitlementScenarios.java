package dev.seatkeeper.entitlements;

import static dev.seatkeeper.testing.Shapes.assertError;
import static dev.seatkeeper.testing.Shapes.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.testing.Api;
import dev.seatkeeper.testing.EntitlementVerifier;
import dev.seatkeeper.testing.EntitlementVerifier.Verified;
import dev.seatkeeper.testing.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Offline seat entitlements as a merchant's app meets them (contract, "Beyond Polar: offline seat entitlements"), run
 * by an Arquillian class against its server (SeatRevocationIT). The test deployment runs with a short
 * SEATKEEPER_ENTITLEMENT_TTL and SEATKEEPER_ENTITLEMENT_KEY_ROTATION (pom.xml), so a rotation happens within seconds.
 */
public final class EntitlementScenarios {
    /** The deployment's SEATKEEPER_ENTITLEMENT_TTL and _KEY_ROTATION, which the failsafe run gives the server too. */
    public static final Duration TTL = Duration.parse(env("SEATKEEPER_ENTITLEMENT_TTL", "P7D"));

    public static final Duration ROTATION = Duration.parse(env("SEATKEEPER_ENTITLEMENT_KEY_ROTATION", "P90D"));

    private final Api api;
    private final Fixtures fixtures;
    private final Fixtures.Tenant tenant;
    private final String productId;
    private final String customerId;
    private final String subscriptionId;

    public EntitlementScenarios(Api api, Fixtures fixtures) {
        this.api = api;
        this.fixtures = fixtures;
        this.tenant = fixtures.tenant(true, true);
        this.productId = fixtures.product(tenant, "month").getString("id");
        this.customerId = fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
        this.subscriptionId =
                fixtures.subscription(tenant, productId, customerId, 5).getString("id");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private String orgPath() {
        return "/v1/organizations/" + tenant.organizationId();
    }

    private String jwks() {
        var reply = api.get(orgPath() + "/jwks.json", null);
        assertEquals(200, reply.status(), reply.toString());
        return reply.text();
    }

    private Set<String> kids() {
        var reply = api.get(orgPath() + "/jwks.json", null);
        return reply.json().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .map(k -> k.getString("kid"))
                .collect(Collectors.toSet());
    }

    private JsonObject issue(String seatId) {
        var reply = api.post("/v1/customer-seats/" + seatId + "/entitlement", tenant.token(), "");
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private Verified verified(String token) {
        return EntitlementVerifier.verify(token, jwks()).orElseThrow(() -> new AssertionError("does not verify"));
    }

    /** A claimed seat: the claim answer (seat and the holder's session). */
    private JsonObject claimed() {
        return fixtures.claim(fixtures.assign(tenant, subscriptionId, Fixtures.email("holder"))
                .getString("invitation_token"));
    }

    /** The token's header and claims are the contract's, it verifies with jwks.json, and it is under 1 KB. */
    public void tokenVerifiesWithTheKeySetAndCarriesTheClaims() {
        var claim = claimed();
        var seat = claim.getJsonObject("seat");
        var answer = issue(seat.getString("id"));
        String token = answer.getString("token");
        assertTrue(token.length() < 1024, token.length() + " characters");

        var verified = verified(token);
        assertEquals("EdDSA", verified.header().getString("alg"));
        assertEquals("seat-entitlement+jwt", verified.header().getString("typ"));
        assertEquals(answer.getString("kid"), verified.header().getString("kid"));
        var claims = verified.claims();
        assertEquals(
                Set.of(
                        "iss",
                        "sub",
                        "seat_id",
                        "subscription_id",
                        "product_id",
                        "organization_id",
                        "external_member_id",
                        "iat",
                        "nbf",
                        "exp",
                        "jti",
                        "status"),
                claims.keySet());
        assertEquals("http://localhost:8080" + orgPath(), claims.getString("iss"));
        assertEquals(seat.getString("member_id"), claims.getString("sub"));
        assertEquals(seat.getString("id"), claims.getString("seat_id"));
        assertEquals(subscriptionId, claims.getString("subscription_id"));
        assertEquals(productId, claims.getString("product_id"));
        assertEquals(tenant.organizationId(), claims.getString("organization_id"));
        assertTrue(claims.isNull("external_member_id"));
        long iat = claims.getJsonNumber("iat").longValue();
        assertEquals(iat, claims.getJsonNumber("nbf").longValue());
        assertEquals(iat + TTL.toSeconds(), claims.getJsonNumber("exp").longValue());
        assertEquals(
                claims.getJsonNumber("exp").longValue(),
                OffsetDateTime.parse(answer.getString("expires_at")).toEpochSecond());
        assertEquals(22, claims.getString("jti").length());
        var statusList = claims.getJsonObject("status").getJsonObject("status_list");
        assertEquals("http://localhost:8080" + orgPath() + "/seat-status-list", statusList.getString("uri"));
        assertTrue(statusList.getInt("idx") >= 0);

        var again = verified(issue(seat.getString("id")).getString("token")).claims();
        assertNotEquals(claims.getString("jti"), again.getString("jti"));
        assertEquals(
                statusList.getInt("idx"),
                again.getJsonObject("status").getJsonObject("status_list").getInt("idx"));

        var keySet = api.get(orgPath() + "/jwks.json", null);
        assertEquals("public, max-age=3600", keySet.header("Cache-Control").orElse(""));
        for (var key : keySet.json().getJsonArray("keys").getValuesAs(JsonObject.class)) {
            assertEquals("OKP", key.getString("kty"));
            assertEquals("Ed25519", key.getString("crv"));
            assertFalse(key.containsKey("d"), "never the private key");
        }
    }

    /** The seat's bit is 0 until it is revoked, and 1 in the very next status list after the revoke. */
    public void revokingSetsTheSeatsStatusBitAtOnce(String revokePathOf) throws Exception {
        var seat = claimed().getJsonObject("seat");
        var other = claimed().getJsonObject("seat");
        int idx = index(issue(seat.getString("id")).getString("token"));
        int otherIdx = index(issue(other.getString("id")).getString("token"));
        assertNotEquals(idx, otherIdx);
        assertEquals(0, statusBit(idx));

        var revoke = switch (revokePathOf) {
            case "seat" -> api.delete("/v1/customer-seats/" + seat.getString("id"), tenant.token());
            case "subscription" -> api.delete("/v1/subscriptions/" + subscriptionId, tenant.token());
            case "member" ->
                api.delete("/v1/customers/" + customerId + "/members/" + seat.getString("member_id"), tenant.token());
            default -> throw new IllegalArgumentException(revokePathOf);
        };
        assertTrue(revoke.status() == 200 || revoke.status() == 204, revoke.toString());
        assertEquals(1, statusBit(idx));
        assertEquals(revokePathOf.equals("subscription") ? 1 : 0, statusBit(otherIdx));
        assertError(
                api.post("/v1/customer-seats/" + seat.getString("id") + "/entitlement", tenant.token(), ""),
                400,
                "SeatNotClaimed",
                "Seat is not claimed");
    }

    private int index(String token) {
        return verified(token)
                .claims()
                .getJsonObject("status")
                .getJsonObject("status_list")
                .getInt("idx");
    }

    private int statusBit(int idx) throws Exception {
        var reply = api.get(orgPath() + "/seat-status-list", null);
        assertEquals(200, reply.status(), reply.toString());
        assertTrue(reply.header("Content-Type").orElse("").startsWith("application/statuslist+jwt"));
        var list = verified(reply.text());
        assertEquals("statuslist+jwt", list.header().getString("typ"));
        assertEquals(
                "http://localhost:8080" + orgPath() + "/seat-status-list",
                list.claims().getString("sub"));
        assertEquals(300, list.claims().getInt("ttl"));
        assertEquals(1, list.claims().getJsonObject("status_list").getInt("bits"));
        return EntitlementVerifier.bit(
                list.claims().getJsonObject("status_list").getString("lst"), idx);
    }

    /**
     * {@code exp} is never past a known end of the seat: its {@code revokes_at} (a revoke at an instant, a time box)
     * and the period end of a subscription set to cancel at period end. Each end is set inside one TTL, so the TTL
     * alone would give a later {@code exp}; the tokens are asked for before the scheduler applies the ends.
     */
    public void expiryIsNeverPastAKnownEndOfTheSeat() {
        var at = OffsetDateTime.now(ZoneOffset.UTC).plus(TTL).minusSeconds(1);
        String scheduled = claimed().getJsonObject("seat").getString("id");
        var reply = api.delete(
                "/v1/customer-seats/" + scheduled + "?at=" + at.toString().replace("+", "%2B"), tenant.token());
        assertEquals(200, reply.status(), reply.toString());
        assertExpiresAt(scheduled, OffsetDateTime.parse(reply.json().getString("revokes_at")));

        var expiresAt = OffsetDateTime.now(ZoneOffset.UTC).plus(TTL).minusSeconds(1);
        var boxed = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add("email", Fixtures.email("boxed"))
                        .add("immediate_claim", true)
                        .add("expires_at", expiresAt.toString())
                        .build());
        assertEquals(200, boxed.status(), boxed.toString());
        assertExpiresAt(boxed.string("id"), expiresAt);

        var periodEnd = OffsetDateTime.now(ZoneOffset.UTC).plus(TTL).minusSeconds(1);
        var ending = api.post(
                "/v1/subscriptions/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("product_id", productId)
                        .add("customer_id", customerId)
                        .add("seats", 2)
                        .add("current_period_end", periodEnd.toString())
                        .build());
        assertEquals(201, ending.status(), ending.toString());
        var held = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", ending.string("id"))
                        .add("email", Fixtures.email("ending"))
                        .add("immediate_claim", true)
                        .build());
        assertEquals(200, held.status(), held.toString());
        var cancel = api.patch(
                "/v1/subscriptions/" + ending.string("id"),
                tenant.token(),
                Json.createObjectBuilder().add("cancel_at_period_end", true).build());
        assertEquals(200, cancel.status(), cancel.toString());
        assertExpiresAt(held.string("id"), periodEnd);
    }

    /** The seat's token expires at {@code end} (whole seconds), before one TTL after its issue. */
    private void assertExpiresAt(String seatId, OffsetDateTime end) {
        var answer = issue(seatId);
        var claims = verified(answer.getString("token")).claims();
        long exp = claims.getJsonNumber("exp").longValue();
        assertEquals(end.toEpochSecond(), exp, answer.toString());
        assertTrue(exp < claims.getJsonNumber("iat").longValue() + TTL.toSeconds(), "earlier than the TTL alone");
        assertEquals(exp, OffsetDateTime.parse(answer.getString("expires_at")).toEpochSecond());
    }

    /** Pending and revoked seats get SeatNotClaimed; unknown, other organizations' and malformed ids are refused. */
    public void onlyAClaimedSeatOfTheOrganizationGetsAnEntitlement() {
        String pending = fixtures.assign(tenant, subscriptionId, Fixtures.email("pending"))
                .getString("id");
        assertError(
                api.post("/v1/customer-seats/" + pending + "/entitlement", tenant.token(), ""),
                400,
                "SeatNotClaimed",
                "Seat is not claimed");
        var strangers = fixtures.tenant(true, true);
        var claimedSeat = claimed().getJsonObject("seat").getString("id");
        assertError(
                api.post("/v1/customer-seats/" + claimedSeat + "/entitlement", strangers.token(), ""),
                404,
                "ResourceNotFound",
                "Seat not found");
        assertError(
                api.post("/v1/customer-seats/" + UUID.randomUUID() + "/entitlement", tenant.token(), ""),
                404,
                "ResourceNotFound",
                "Seat not found");
        assertValidationError(
                api.post("/v1/customer-seats/nope/entitlement", tenant.token(), ""), "uuid_parsing", "path", "seat_id");
        assertEquals(
                401,
                api.post("/v1/customer-seats/" + claimedSeat + "/entitlement", null, "")
                        .status());
        assertEquals(
                404,
                api.get("/v1/organizations/" + UUID.randomUUID() + "/jwks.json", null)
                        .status());
        assertEquals(
                404,
                api.get("/v1/organizations/" + UUID.randomUUID() + "/seat-status-list", null)
                        .status());
    }

    /** The holder and billing roles get it on the portal; another plain member 403; another customer's seat 404. */
    public void portalGivesTheHolderAndBillingRolesTheEntitlement() {
        var claim = claimed();
        String seatId = claim.getJsonObject("seat").getString("id");
        String holderSession = claim.getString("customer_session_token");
        String path = "/v1/customer-portal/seats/" + seatId + "/entitlement";

        var byHolder = api.post(path, holderSession, "");
        assertEquals(200, byHolder.status(), byHolder.toString());
        assertEquals(seatId, verified(byHolder.string("token")).claims().getString("seat_id"));
        assertEquals(
                200,
                api.post(path, fixtures.session(tenant, customerId).getString("token"), "")
                        .status());
        assertEquals(
                200,
                api.post(path, fixtures.memberSession(tenant, customerId, "billing_manager"), "")
                        .status());
        assertError(
                api.post(path, fixtures.memberSession(tenant, customerId, "member"), ""),
                403,
                "NotPermitted",
                "Only the seat's holder, owners and billing managers can get its entitlement.");

        String otherCustomer =
                fixtures.customer(tenant, Fixtures.email("other")).getString("id");
        assertError(
                api.post(path, fixtures.session(tenant, otherCustomer).getString("token"), ""),
                404,
                "ResourceNotFound",
                "Seat not found");
        String pending = fixtures.assign(tenant, subscriptionId, Fixtures.email("pending"))
                .getString("id");
        assertError(
                api.post(
                        "/v1/customer-portal/seats/" + pending + "/entitlement",
                        fixtures.session(tenant, customerId).getString("token"),
                        ""),
                400,
                "SeatNotClaimed",
                "Seat is not claimed");
    }

    /**
     * On-demand rotation signs with the published next key and keeps the old one; revoke_previous unpublishes the old
     * keys and their tokens fail; another organization's key set never verifies this organization's tokens.
     */
    public void onDemandRotationAndRevokePrevious() {
        String seatId = claimed().getJsonObject("seat").getString("id");
        var first = issue(seatId);
        Set<String> before = kids();
        assertEquals(2, before.size(), "the signing key and the next one: " + before);

        var rotated = api.post(orgPath() + "/entitlement-keys/rotate", Fixtures.OPERATOR, "");
        assertEquals(200, rotated.status(), rotated.toString());
        String newKid = rotated.string("kid");
        assertNotEquals(first.getString("kid"), newKid);
        assertTrue(before.contains(newKid), "the key that signs now was published before");
        assertEquals(newKid, issue(seatId).getString("kid"));
        verified(first.getString("token"));
        assertTrue(kids().contains(rotated.string("next_kid")));

        var strangers = fixtures.tenant(true, true);
        String strangersJwks = api.get("/v1/organizations/" + strangers.organizationId() + "/jwks.json", null)
                .text();
        assertTrue(EntitlementVerifier.verify(first.getString("token"), strangersJwks)
                .isEmpty());

        var compromised = api.post(orgPath() + "/entitlement-keys/rotate?revoke_previous=true", Fixtures.OPERATOR, "");
        assertEquals(200, compromised.status(), compromised.toString());
        assertFalse(kids().contains(first.getString("kid")));
        assertFalse(kids().contains(newKid));
        assertTrue(
                EntitlementVerifier.verify(first.getString("token"), jwks()).isEmpty(), "a revoked key's token fails");
        verified(issue(seatId).getString("token"));

        assertEquals(
                401,
                api.post(orgPath() + "/entitlement-keys/rotate", tenant.token(), "")
                        .status());
        assertEquals(
                404,
                api.post("/v1/organizations/" + UUID.randomUUID() + "/entitlement-keys/rotate", Fixtures.OPERATOR, "")
                        .status());
    }

    /**
     * Scheduled rotation, lazily: the next key is in jwks.json at least one TTL before it signs, and the key it replaces
     * stays one TTL after, then leaves. Takes about ROTATION + TTL of wall time (seconds in the test deployment).
     */
    public void scheduledRotationPublishesAheadAndKeepsTheOldKeyOneTtl() throws Exception {
        String seatId = claimed().getJsonObject("seat").getString("id");
        var first = issue(seatId);
        String oldKid = first.getString("kid");
        Set<String> published = kids();
        String nextKid =
                published.stream().filter(k -> !k.equals(oldKid)).findFirst().orElseThrow();
        long seen = System.nanoTime();

        long deadline = seen + ROTATION.plus(TTL).plusSeconds(20).toNanos();
        String kid = oldKid;
        while (kid.equals(oldKid) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            kid = issue(seatId).getString("kid");
        }
        long switched = System.nanoTime();
        assertEquals(nextKid, kid, "the published next key signs after the rotation period");
        assertTrue(
                Duration.ofNanos(switched - seen).compareTo(TTL) >= 0,
                "published " + Duration.ofNanos(switched - seen) + " before it signed");
        Set<String> after = kids();
        assertTrue(after.contains(oldKid), "the old key stays after the switch: " + after);
        assertEquals(3, after.size(), "old, signing and a new next key: " + after);
        verified(first.getString("token"));

        while (kids().contains(oldKid) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        long gone = System.nanoTime();
        assertFalse(kids().contains(oldKid), "the old key leaves one TTL after it stopped signing");
        assertTrue(
                Duration.ofNanos(gone - switched).compareTo(TTL.minusSeconds(1)) >= 0,
                "kept " + Duration.ofNanos(gone - switched) + " after the switch");
        assertTrue(List.copyOf(kids()).contains(nextKid));
    }
}

package dev.seatkeeper.seats;

import static dev.seatkeeper.testing.Shapes.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.seatkeeper.testing.Api;
import dev.seatkeeper.testing.ApiTest;
import dev.seatkeeper.testing.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code SEATKEEPER_EXPIRED_INVITATIONS_HOLD_SEATS=false} (set for this class only, by its own failsafe execution in
 * pom.xml): a pending seat whose invitation expired no longer counts against capacity, cannot be claimed, and its
 * resend takes a seat again, refused when none is free (contract, "Beyond Polar: seat lifecycle").
 */
class ExpiredInvitationsFreeSeatsIT extends ApiTest {
    Fixtures.Tenant tenant;
    String productId;
    String customerId;
    String subscriptionId;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant(true, true);
        productId = fixtures.product(tenant, "month").getString("id");
        customerId = fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
        subscriptionId = fixtures.subscription(tenant, productId, customerId, 1).getString("id");
    }

    private JsonObject listed() {
        return api.get("/v1/customer-seats?subscription_id=" + subscriptionId, tenant.token())
                .json();
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

    private void expire(String token) {
        assertEquals(
                204,
                api.post("/test-support/expire-invitation/" + token, null, "").status());
    }

    @Test
    void anExpiredInvitationFreesItsSeatAndItsResendRechecksCapacity() {
        var first = fixtures.assign(tenant, subscriptionId, Fixtures.email("first"));
        assertEquals(0, listed().getInt("available_seats"));
        assertError(
                assign(Fixtures.email("early")), 400, "SeatNotAvailable", "No available seats for " + subscriptionId);

        expire(first.getString("invitation_token"));
        var afterExpiry = listed();
        assertEquals(1, afterExpiry.getInt("available_seats"), afterExpiry.toString());
        assertEquals(1, afterExpiry.getInt("total_seats"));
        assertEquals(
                "pending", afterExpiry.getJsonArray("seats").getJsonObject(0).getString("status"));

        var claim = api.post(
                "/v1/customer-seats/claim",
                null,
                Json.createObjectBuilder()
                        .add("invitation_token", first.getString("invitation_token"))
                        .build());
        assertError(claim, 400, "InvalidInvitationToken", "Invalid or expired invitation token");

        var second = assign(Fixtures.email("second"));
        assertEquals(200, second.status(), "the expired seat no longer holds capacity: " + second);
        assertEquals(0, listed().getInt("available_seats"));

        var resend = api.post("/v1/customer-seats/" + first.getString("id") + "/resend", tenant.token(), "");
        assertError(resend, 400, "SeatNotAvailable", "No available seats for " + subscriptionId);
        var stored = listed().getJsonArray("seats").getJsonObject(0);
        assertEquals(first.getString("id"), stored.getString("id"));
        assertEquals(
                afterExpiry.getJsonArray("seats").getJsonObject(0).getString("invitation_token_expires_at"),
                stored.getString("invitation_token_expires_at"),
                "a refused resend changes nothing");

        assertEquals(
                200,
                api.delete("/v1/customer-seats/" + second.json().getString("id"), tenant.token())
                        .status());
        var resent = api.post("/v1/customer-seats/" + first.getString("id") + "/resend", tenant.token(), "");
        assertEquals(200, resent.status(), resent.toString());
        assertNotEquals(first.getString("invitation_token"), resent.string("invitation_token"));
        assertEquals(0, listed().getInt("available_seats"), "the resent invitation holds the seat again");
        var claimed = fixtures.claim(resent.string("invitation_token"));
        assertEquals("claimed", claimed.getJsonObject("seat").getString("status"));
    }

    @Test
    void aPendingInvitationThatHasNotExpiredStillHoldsItsSeat() {
        var first = fixtures.assign(tenant, subscriptionId, Fixtures.email("first"));
        assertEquals(0, listed().getInt("available_seats"));
        var resent = api.post("/v1/customer-seats/" + first.getString("id") + "/resend", tenant.token(), "");
        assertEquals(200, resent.status(), "a live invitation's resend needs no new seat: " + resent);
    }
}

package dev.seatkeeper.purchases;

import static dev.seatkeeper.testing.Shapes.assertError;
import static dev.seatkeeper.testing.Shapes.assertKeys;
import static dev.seatkeeper.testing.Shapes.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.testing.ApiTest;
import dev.seatkeeper.testing.Fixtures;
import dev.seatkeeper.testing.Shapes;
import jakarta.json.Json;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscriptions and orders (the seat containers) and the portal sessions customers and members get. */
class PurchasesAndSessionsIT extends ApiTest {

    Fixtures.Tenant tenant;
    String productId;
    String customerId;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant(true, true);
        productId = fixtures.product(tenant, "month").getString("id");
        customerId = fixtures.customer(tenant, Fixtures.email("buyer")).getString("id");
    }

    @Test
    void subscriptionStartsActiveWithItsSeatsAndPrice() {
        var subscription = fixtures.subscription(tenant, productId, customerId, 5);
        assertEquals("active", subscription.getString("status"));
        assertEquals(5, subscription.getInt("seats"));
        assertEquals(5000, subscription.getInt("amount"), "5 seats at the 1-10 tier's 1000");
        assertEquals(customerId, subscription.getString("customer_id"));
        assertKeys(Shapes.CUSTOMER, subscription.getJsonObject("customer"));
        assertEquals(productId, subscription.getJsonObject("product").getString("id"));
        assertTrue(subscription.isNull("discount") && subscription.isNull("pending_update"));
        var fetched = api.get("/v1/subscriptions/" + subscription.getString("id"), tenant.token());
        assertEquals(subscription, fetched.json());
        assertEquals(
                1,
                api.get("/v1/subscriptions/?customer_id=" + customerId, tenant.token())
                        .json()
                        .getJsonObject("pagination")
                        .getInt("total_count"));
    }

    @Test
    void subscriptionNeedsKnownCustomerAndProductAndSeatsTheTiersAllow() {
        var unknown = api.post(
                "/v1/subscriptions/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("product_id", UUID.randomUUID().toString())
                        .add("customer_id", UUID.randomUUID().toString())
                        .build());
        assertValidationError(unknown, "value_error", "body", "product_id");
        assertValidationError(unknown, "value_error", "body", "customer_id");
        assertValidationError(
                api.post(
                        "/v1/subscriptions/",
                        tenant.token(),
                        Json.createObjectBuilder()
                                .add("product_id", productId)
                                .add("customer_id", customerId)
                                .add("seats", 0)
                                .build()),
                "greater_than_equal",
                "body",
                "seats");
        String oneTime = fixtures.product(tenant, null).getString("id");
        assertValidationError(
                api.post(
                        "/v1/subscriptions/",
                        tenant.token(),
                        Json.createObjectBuilder()
                                .add("product_id", oneTime)
                                .add("customer_id", customerId)
                                .build()),
                "value_error",
                "body",
                "product_id");
        assertEquals(
                0,
                api.get("/v1/subscriptions/", tenant.token())
                        .json()
                        .getJsonObject("pagination")
                        .getInt("total_count"),
                "nothing was stored");
    }

    @Test
    void seatsChangeWithinTheTiersAndTheAmountFollows() {
        String id = fixtures.subscription(tenant, productId, customerId, 5).getString("id");
        var grown = api.patch(
                "/v1/subscriptions/" + id,
                tenant.token(),
                Json.createObjectBuilder().add("seats", 12).build());
        assertEquals(200, grown.status(), grown.toString());
        assertEquals(12, grown.json().getInt("seats"));
        assertEquals(12 * 800, grown.json().getInt("amount"));
        assertFalse(grown.json().isNull("modified_at"));
        assertValidationError(
                api.patch(
                        "/v1/subscriptions/" + id,
                        tenant.token(),
                        Json.createObjectBuilder().build()),
                "missing",
                "body",
                "seats");
    }

    @Test
    void seatsOutsideABoundedProductAreRefused() {
        var bounded = api.post(
                "/v1/products/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("name", "Small team")
                        .add("recurring_interval", "year")
                        .add(
                                "prices",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("amount_type", "seat_based")
                                                .add(
                                                        "seat_tiers",
                                                        Json.createObjectBuilder()
                                                                .add(
                                                                        "tiers",
                                                                        Json.createArrayBuilder()
                                                                                .add(Json.createObjectBuilder()
                                                                                        .add("min_seats", 2)
                                                                                        .add("max_seats", 5)
                                                                                        .add("price_per_seat", 100))))))
                        .build());
        assertEquals(201, bounded.status(), bounded.toString());
        String id = fixtures.subscription(tenant, bounded.string("id"), customerId, 3)
                .getString("id");
        assertError(
                api.patch(
                        "/v1/subscriptions/" + id,
                        tenant.token(),
                        Json.createObjectBuilder().add("seats", 6).build()),
                400,
                "AboveMaximumSeats",
                "Maximum 5 seats allowed.");
        assertValidationError(
                api.patch(
                        "/v1/subscriptions/" + id,
                        tenant.token(),
                        Json.createObjectBuilder()
                                .add("seats", 4)
                                .add("status", "canceled")
                                .build()),
                "extra_forbidden",
                "body",
                "status");
        assertError(
                api.patch(
                        "/v1/subscriptions/" + id,
                        tenant.token(),
                        Json.createObjectBuilder().add("seats", 1).build()),
                400,
                "BelowMinimumSeats",
                "Minimum 2 seats required.");
        assertEquals(
                3, api.get("/v1/subscriptions/" + id, tenant.token()).json().getInt("seats"));
    }

    @Test
    void revokedSubscriptionIsCanceledOnceAndCannotChange() {
        String id = fixtures.subscription(tenant, productId, customerId, 5).getString("id");
        var revoked = api.delete("/v1/subscriptions/" + id, tenant.token());
        assertEquals(200, revoked.status(), revoked.toString());
        assertEquals("canceled", revoked.string("status"));
        assertFalse(revoked.json().isNull("ended_at"));
        assertError(api.delete("/v1/subscriptions/" + id, tenant.token()), 403, "AlreadyCanceledSubscription", null);
        assertError(
                api.patch(
                        "/v1/subscriptions/" + id,
                        tenant.token(),
                        Json.createObjectBuilder().add("seats", 6).build()),
                403,
                "AlreadyCanceledSubscription",
                null);
    }

    @Test
    void subscriptionsOfAnotherOrganizationAreNotFound() {
        var other = fixtures.tenant(true, true);
        String theirProduct = fixtures.product(other, "month").getString("id");
        String theirCustomer = fixtures.customer(other, Fixtures.email("other")).getString("id");
        String theirs =
                fixtures.subscription(other, theirProduct, theirCustomer, 2).getString("id");
        assertError(api.get("/v1/subscriptions/" + theirs, tenant.token()), 404, "ResourceNotFound", null);
        assertError(
                api.patch(
                        "/v1/subscriptions/" + theirs,
                        tenant.token(),
                        Json.createObjectBuilder().add("seats", 3).build()),
                404,
                "ResourceNotFound",
                null);
        assertError(api.delete("/v1/subscriptions/" + theirs, tenant.token()), 404, "ResourceNotFound", null);
        assertEquals(
                "active", api.get("/v1/subscriptions/" + theirs, other.token()).string("status"));
        assertValidationError(
                api.post(
                        "/v1/subscriptions/",
                        tenant.token(),
                        Json.createObjectBuilder()
                                .add("product_id", theirProduct)
                                .add("customer_id", customerId)
                                .build()),
                "value_error",
                "body",
                "product_id");
    }

    @Test
    void ordersArePaidUnlessToldOtherwise() {
        String oneTime = fixtures.product(tenant, null).getString("id");
        var paid = api.post(
                "/v1/orders/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("product_id", oneTime)
                        .add("customer_id", customerId)
                        .add("seats", 3)
                        .build());
        assertEquals(201, paid.status(), paid.toString());
        assertEquals("paid", paid.string("status"));
        assertTrue(paid.json().getBoolean("paid"));
        assertEquals(3, paid.json().getInt("seats"));
        assertEquals(3000, paid.json().getInt("total_amount"));
        assertEquals(1, paid.json().getJsonArray("items").size());
        var pending = api.post(
                "/v1/orders/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("product_id", oneTime)
                        .add("customer_id", customerId)
                        .add("seats", 2)
                        .add("status", "pending")
                        .build());
        assertEquals("pending", pending.string("status"));
        assertEquals(
                paid.json(),
                api.get("/v1/orders/" + paid.string("id"), tenant.token()).json());
        var other = fixtures.tenant(true, true);
        assertError(
                api.get("/v1/orders/" + paid.string("id"), other.token()), 404, "ResourceNotFound", "Order not found");
        var ofRecurring = api.post(
                "/v1/orders/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("product_id", productId)
                        .add("customer_id", customerId)
                        .add("seats", 4)
                        .build());
        assertEquals(201, ofRecurring.status(), "seats of a recurring product may be bought once too: " + ofRecurring);
        var listed =
                api.get("/v1/orders/?customer_id=" + customerId, tenant.token()).json();
        assertEquals(3, listed.getJsonObject("pagination").getInt("total_count"));
        assertEquals(
                0,
                api.get("/v1/orders/", other.token())
                        .json()
                        .getJsonObject("pagination")
                        .getInt("total_count"));
    }

    @Test
    void memberModelSessionIsAMemberSessionForTheOwner() {
        var reply = api.post(
                "/v1/customer-sessions/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("customer_id", customerId)
                        .add("return_url", "https://shop.example/back")
                        .build());
        assertEquals(201, reply.status(), reply.toString());
        var session = reply.json();
        assertKeys(Shapes.CUSTOMER_SESSION, session);
        assertTrue(session.getString("token").matches("polar_mst_[A-Za-z0-9]{43}"), session.getString("token"));
        assertEquals(customerId, session.getString("customer_id"));
        assertKeys(Shapes.CUSTOMER, session.getJsonObject("customer"));
        assertTrue(session.getString("customer_portal_url")
                .contains("/" + tenant.slug() + "/portal?customer_session_token="));
        var expires = OffsetDateTime.parse(session.getString("expires_at"));
        var ttl = Duration.between(OffsetDateTime.now(), expires);
        assertTrue(ttl.toMinutes() >= 58 && ttl.toMinutes() <= 60, "one hour: " + ttl);

        var introspect = api.get("/v1/customer-portal/customer-session/introspect", session.getString("token"));
        assertEquals(200, introspect.status(), introspect.toString());
        assertEquals("https://shop.example/back", introspect.string("return_url"));
    }

    @Test
    void legacySessionIsACustomerSession() {
        var legacy = fixtures.tenant(true, false);
        String legacyCustomer =
                fixtures.customer(legacy, Fixtures.email("legacy")).getString("id");
        var session = fixtures.session(legacy, legacyCustomer);
        assertTrue(session.getString("token").startsWith("polar_cst_"));
        assertTrue(session.isNull("return_url"));
        assertEquals(
                200,
                api.get("/v1/customer-portal/customer-session/introspect", session.getString("token"))
                        .status());
    }

    @Test
    void sessionForANamedMemberAndUnknownReferences() {
        var member = api.post(
                        "/v1/customers/" + customerId + "/members",
                        tenant.token(),
                        Json.createObjectBuilder()
                                .add("email", Fixtures.email("named"))
                                .add("external_id", "mem-1")
                                .build())
                .json();
        var byExternal = api.post(
                "/v1/customer-sessions/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("customer_id", customerId)
                        .add("external_member_id", "mem-1")
                        .build());
        assertEquals(201, byExternal.status(), byExternal.toString());
        assertTrue(byExternal
                .json()
                .getString("customer_portal_url")
                .contains(member.getString("email").replace("@", "%40")));

        assertValidationError(
                api.post(
                        "/v1/customer-sessions/",
                        tenant.token(),
                        Json.createObjectBuilder()
                                .add("customer_id", UUID.randomUUID().toString())
                                .build()),
                "value_error",
                "body",
                "customer_id");
        assertValidationError(
                api.post(
                        "/v1/customer-sessions/",
                        tenant.token(),
                        Json.createObjectBuilder()
                                .add("customer_id", customerId)
                                .add("member_id", UUID.randomUUID().toString())
                                .build()),
                "value_error",
                "body",
                "member_id");
        assertValidationError(
                api.post("/v1/customer-sessions/", tenant.token(), "{}"), "missing", "body", "customer_id");
    }

    @Test
    void expiredSessionIsAnInvalidToken() {
        String token = fixtures.session(tenant, customerId).getString("token");
        assertEquals(
                200,
                api.get("/v1/customer-portal/customer-session/introspect", token)
                        .status());
        assertEquals(
                204, api.post("/test-support/expire-session/" + token, null, "").status());
        var reply = api.get("/v1/customer-portal/customer-session/introspect", token);
        assertEquals(401, reply.status());
        assertEquals("invalid_token", reply.string("error"));
    }

    @Test
    void expiredSessionsAreDeletedByThePeriodicCleanUp() throws InterruptedException {
        String expired = fixtures.session(tenant, customerId).getString("token");
        String live = fixtures.session(tenant, customerId).getString("token");
        assertEquals(
                204,
                api.post("/test-support/expire-session/" + expired, null, "").status());
        // The tests run the clean-up every 2 s (SEATKEEPER_CLEANUP_INTERVAL in pom.xml); give it a few runs.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (stored(expired) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(false, stored(expired), "the expired session is gone");
        assertEquals(true, stored(live), "a live session is kept");
        assertEquals(
                200,
                api.get("/v1/customer-portal/customer-session/introspect", live).status());
    }

    private boolean stored(String sessionToken) {
        var reply = api.get("/test-support/sessions/" + sessionToken, null);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getBoolean("stored");
    }
}

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

    // --- Seat usage ledger and seat metrics (contract, "Beyond Polar: capacity signals, seat usage and seat metrics")
    // ---

    private void setTimes(String seatId, String created, String claimed, String revoked) {
        var times = Json.createObjectBuilder().add("created_at", created);
        if (claimed != null) {
            times.add("claimed_at", claimed);
        }
        if (revoked != null) {
            times.add("revoked_at", revoked);
        }
        var reply = api.post("/test-support/seats/" + seatId + "/times", null, times.build());
        assertEquals(204, reply.status(), reply.toString());
    }

    private String seat(String subscriptionId, String who, boolean immediateClaim) {
        var reply = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add("email", Fixtures.email(who))
                        .add("immediate_claim", immediateClaim)
                        .build());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getString("id");
    }

    private jakarta.json.JsonObject usageRow(String subscriptionId, java.time.LocalDate day) {
        var reply = api.get(
                "/v1/subscriptions/" + subscriptionId + "/seat-usage?from=" + day + "&to=" + day, tenant.token());
        assertEquals(200, reply.status(), reply.toString());
        var items = reply.json().getJsonArray("items");
        assertEquals(1, items.size(), reply.toString());
        return items.getJsonObject(0);
    }

    private static String at(java.time.LocalDate day, String time) {
        return day + "T" + time + "Z";
    }

    @Test
    void theUsageLedgerGivesPeaksAndSeatDaysOfADayAndTheSameNumbersADayLater() {
        String subscriptionId =
                fixtures.subscription(tenant, productId, customerId, 3).getString("id");
        var day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2);
        // A: held all day (assigned the day before), claimed at 06:00. B: held 12:00-18:00, never claimed.
        // C: assigned and claimed at 18:00, as B left. Seats bought: 3, raised to 5 at 20:00.
        String a = seat(subscriptionId, "a", false);
        setTimes(a, at(day.minusDays(1), "10:00:00"), at(day, "06:00:00"), null);
        String b = seat(subscriptionId, "b", false);
        assertEquals(200, api.delete("/v1/customer-seats/" + b, tenant.token()).status());
        setTimes(b, at(day, "12:00:00"), null, at(day, "18:00:00"));
        String c = seat(subscriptionId, "c", true);
        setTimes(c, at(day, "18:00:00"), at(day, "18:00:00"), null);
        var raise = api.patch(
                "/v1/subscriptions/" + subscriptionId,
                tenant.token(),
                Json.createObjectBuilder().add("seats", 5).build());
        assertEquals(200, raise.status(), raise.toString());
        var moved = api.post(
                "/test-support/containers/" + subscriptionId + "/seat-count-changes",
                null,
                Json.createObjectBuilder()
                        .add("changed_at", at(day, "20:00:00"))
                        .build());
        assertEquals(204, moved.status());

        var row = usageRow(subscriptionId, day);
        assertEquals(at(day, "00:00:00"), row.getString("start"));
        assertEquals(at(day.plusDays(1), "00:00:00"), row.getString("end"));
        assertEquals(5, row.getInt("seats"), "the most bought within the day");
        assertEquals(2, row.getInt("peak_assigned"), "B left as C came: never three at once");
        assertEquals(2, row.getInt("peak_claimed"));
        assertEquals(
                new java.math.BigDecimal("1.500"),
                row.getJsonNumber("seat_days_assigned").bigDecimalValue());
        assertEquals(
                new java.math.BigDecimal("1.000"),
                row.getJsonNumber("seat_days_claimed").bigDecimalValue());
        var dayBefore = usageRow(subscriptionId, day.minusDays(1));
        assertEquals(3, dayBefore.getInt("seats"));
        assertEquals(1, dayBefore.getInt("peak_assigned"));
        assertEquals(0, dayBefore.getInt("peak_claimed"));
        assertEquals(
                new java.math.BigDecimal("0.583"),
                dayBefore.getJsonNumber("seat_days_assigned").bigDecimalValue());

        // A day later: the same history one day further back reads the same.
        var shift = api.post(
                "/test-support/containers/" + subscriptionId + "/shift-history",
                null,
                Json.createObjectBuilder().add("seconds", -86400).build());
        assertEquals(204, shift.status());
        var later = usageRow(subscriptionId, day.minusDays(1));
        for (String key : java.util.List.of(
                "seats", "peak_assigned", "peak_claimed", "seat_days_assigned", "seat_days_claimed")) {
            assertEquals(row.get(key), later.get(key), key);
        }

        var lines = api.send(
                "GET",
                "/v1/subscriptions/" + subscriptionId + "/seat-usage?from=" + day.minusDays(1) + "&to=" + day,
                tenant.token(),
                null,
                java.util.Map.of("Accept", "application/x-ndjson"));
        assertEquals(200, lines.status(), lines.toString());
        assertTrue(lines.header("content-type").orElseThrow().startsWith("application/x-ndjson"));
        var split = lines.text().strip().split("\n");
        assertEquals(2, split.length, lines.text());
        assertEquals(later, dev.seatkeeper.testing.Api.json(split[0]));

        var other = fixtures.tenant(true, true);
        assertError(
                api.get("/v1/subscriptions/" + subscriptionId + "/seat-usage", other.token()),
                404,
                "ResourceNotFound",
                "Subscription not found");
        assertValidationError(
                api.get("/v1/subscriptions/" + subscriptionId + "/seat-usage?from=2026-02-30", tenant.token()),
                "date_from_datetime_parsing",
                "query",
                "from");
        var periodRows = api.get(
                "/v1/subscriptions/" + subscriptionId + "/seat-usage?interval=period&from=" + day + "&to=" + day,
                tenant.token());
        assertEquals(200, periodRows.status(), periodRows.toString());
        assertEquals(1, periodRows.json().getJsonArray("items").size());
    }

    @Test
    void anEmptyLedgerOrMetricsQueryValueIsMalformedNotTheDefault() {
        // ?interval= or ?from= whose value went missing in the client: FastAPI hands "" to pydantic, which refuses it
        // (as an empty ?at= is refused), rather than reading it as absent.
        String subscriptionId =
                fixtures.subscription(tenant, productId, customerId, 2).getString("id");
        String usage = "/v1/subscriptions/" + subscriptionId + "/seat-usage?";
        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        assertValidationError(
                api.get(usage + "from=" + today + "&to=" + today + "&interval=", tenant.token()),
                "enum",
                "query",
                "interval");
        assertValidationError(
                api.get(usage + "from=&to=" + today, tenant.token()), "date_from_datetime_parsing", "query", "from");
        assertValidationError(
                api.get(usage + "from=" + today + "&to=", tenant.token()), "date_from_datetime_parsing", "query", "to");
        String metricsToken = fixtures.token(tenant.organizationId(), java.util.List.of("metrics:read"));
        String metrics = "/v1/metrics/?start_date=" + today + "&end_date=" + today;
        assertValidationError(api.get(metrics + "&interval=", metricsToken), "enum", "query", "interval");
        assertValidationError(
                api.get("/v1/metrics/?start_date=&end_date=" + today + "&interval=day", metricsToken),
                "date_from_datetime_parsing",
                "query",
                "start_date");
        // Python's dates have four-digit years from 1; every boundary must fall within years 1 to 9999 (UTC).
        for (String start : java.util.List.of("+10000-01-01", "0000-01-01", "-0001-06-01")) {
            assertValidationError(
                    api.get("/v1/metrics/?start_date=" + start + "&end_date=" + today + "&interval=day", metricsToken),
                    "date_from_datetime_parsing",
                    "query",
                    "start_date");
        }
        assertValidationError(
                api.get(
                        "/v1/metrics/?start_date=0001-01-01&end_date=0001-01-02&interval=day&timezone=Asia/Kathmandu",
                        metricsToken),
                "date_from_datetime_parsing",
                "query",
                "start_date");
        assertValidationError(
                api.get("/v1/metrics/?start_date=9999-12-31&end_date=9999-12-31&interval=day", metricsToken),
                "date_from_datetime_parsing",
                "query",
                "end_date");
        assertEquals(
                200,
                api.get("/v1/metrics/?start_date=0001-01-01&end_date=0001-01-02&interval=day", metricsToken)
                        .status());
        assertEquals(
                200,
                api.get(usage + "from=" + today + "&to=" + today, tenant.token())
                        .status());
    }

    @Test
    void seatMetricsCountAKnownSetOfSeatsWithPolarsDefinitions() {
        String metricsToken = fixtures.token(tenant.organizationId(), java.util.List.of("metrics:read"));
        String subscriptionId =
                fixtures.subscription(tenant, productId, customerId, 5).getString("id");
        var today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        var yesterday = today.minusDays(1);
        // A: invited yesterday 10:00, claimed two hours later. B: pending. C: claimed at once. D: revoked today.
        String invitation = api.post(
                        "/v1/customer-seats",
                        tenant.token(),
                        Json.createObjectBuilder()
                                .add("subscription_id", subscriptionId)
                                .add("email", Fixtures.email("a"))
                                .build())
                .json()
                .getString("invitation_token");
        String a = fixtures.claim(invitation).getJsonObject("seat").getString("id");
        setTimes(a, at(yesterday, "10:00:00"), at(yesterday, "12:00:00"), null);
        seat(subscriptionId, "b", false);
        seat(subscriptionId, "c", true);
        String d = seat(subscriptionId, "d", false);
        assertEquals(200, api.delete("/v1/customer-seats/" + d, tenant.token()).status());

        String query = "/v1/metrics/?start_date=" + yesterday + "&end_date=" + today + "&interval=day";
        var reply = api.get(query, metricsToken);
        assertEquals(200, reply.status(), reply.toString());
        var body = reply.json();
        var periods = body.getJsonArray("periods");
        assertEquals(2, periods.size(), body.toString());
        var first = periods.getJsonObject(0);
        assertEquals(at(yesterday, "00:00:00"), first.getString("timestamp"));
        assertEquals(1, first.getInt("seats_total"));
        assertEquals(1, first.getInt("seats_claimed"));
        assertEquals(1, first.getInt("new_seat_customers"));
        assertEquals(7200, first.getJsonNumber("median_time_to_claim_seconds").intValue());
        var second = periods.getJsonObject(1);
        assertEquals(3, second.getInt("seats_total"), "D was revoked within the day");
        assertEquals(2, second.getInt("seats_claimed"));
        assertEquals(1, second.getInt("seats_pending"));
        assertEquals(1, second.getInt("seat_customers"));
        assertEquals(0, second.getInt("new_seat_customers"));
        assertTrue(second.isNull("median_time_to_claim_seconds"), "C was claimed at once");
        assertEquals(1, second.getJsonObject("seats_revoked").getInt("manual"));
        var totals = body.getJsonObject("totals");
        assertEquals(3, totals.getInt("seats_total"));
        assertEquals(1, totals.getInt("new_seat_customers"));
        assertEquals(0, totals.getInt("churned_seat_customers"));
        assertEquals(3.0, totals.getJsonNumber("average_seats_per_customer").doubleValue());
        assertEquals(2.0 / 3, totals.getJsonNumber("seat_utilization_rate").doubleValue(), 1e-12);
        assertEquals(Json.createObjectBuilder().add("manual", 1).build(), totals.getJsonObject("seats_revoked"));
        var described = body.getJsonObject("metrics");
        assertEquals(8, described.size(), described.toString());
        assertEquals(
                "percentage", described.getJsonObject("seat_utilization_rate").getString("type"));
        assertEquals("Seat Count", described.getJsonObject("seats_total").getString("display_name"));

        var other = fixtures.tenant(true, true, java.util.List.of("metrics:read"));
        var zeros = api.get(query, other.token()).json().getJsonObject("totals");
        assertEquals(0, zeros.getInt("seats_total"));
        assertEquals(0, zeros.getInt("seats_claimed"));
        assertTrue(zeros.isNull("median_time_to_claim_seconds"));
        assertEquals(0, zeros.getJsonObject("seats_revoked").size());
        assertEquals(403, api.get(query, tenant.token()).status(), "metrics:read is a scope of its own");
    }

    /**
     * Polar's definitions where counting in SQL could go wrong: weeks in a time zone (periods start on Monday in
     * Europe/Berlin, before the request's first day), a seat created after the request's end, a seat revoked before
     * its start, two customers (one new, one churned), an even number of claims (the median is the mean of the middle
     * two), and the product, customer and billing-type filters.
     */
    @Test
    void seatMetricsCountCustomersChurnAndMediansPerWeekInATimeZoneWithFilters() {
        String metricsToken = fixtures.token(tenant.organizationId(), java.util.List.of("metrics:read"));
        String otherProduct = fixtures.product(tenant, "month").getString("id");
        String otherCustomer =
                fixtures.customer(tenant, Fixtures.email("second-buyer")).getString("id");
        String x = fixtures.subscription(tenant, productId, customerId, 10).getString("id");
        String y =
                fixtures.subscription(tenant, otherProduct, otherCustomer, 10).getString("id");
        // Weeks of 2026-03-04..2026-03-17 in Berlin (UTC+1): from 03-01T23:00Z, 03-08T23:00Z, 03-15T23:00Z.
        setTimes(seat(x, "x1", false), "2026-02-20T10:00:00Z", "2026-02-21T10:00:00Z", null);
        setTimes(seat(x, "x2", false), "2026-03-05T00:00:00Z", "2026-03-05T01:00:00Z", "2026-03-10T12:00:00Z");
        setTimes(seat(x, "x3", false), "2026-03-10T00:00:00Z", "2026-03-10T02:00:00Z", null);
        setTimes(seat(x, "x4", false), "2026-03-20T00:00:00Z", null, null);
        setTimes(seat(x, "x5", false), "2026-02-01T00:00:00Z", null, "2026-02-15T00:00:00Z");
        setTimes(seat(y, "y1", false), "2026-03-03T23:30:00Z", "2026-03-04T01:00:00Z", "2026-03-12T00:00:00Z");
        setTimes(seat(y, "y2", false), "2026-03-06T00:00:00Z", null, "2026-03-14T00:00:00Z");

        String query = "/v1/metrics/?start_date=2026-03-04&end_date=2026-03-17&interval=week&timezone=Europe/Berlin";
        var body = metrics(query, metricsToken);
        var periods = body.getJsonArray("periods");
        assertEquals(3, periods.size(), body.toString());
        // total, claimed, pending, customers, new, churned, median, revoked (manual)
        assertPeriod(periods.getJsonObject(0), 4, 3, 1, 2, 1, 0, "4500", 0);
        assertEquals(
                2.0,
                periods.getJsonObject(0)
                        .getJsonNumber("average_seats_per_customer")
                        .doubleValue());
        assertEquals(
                0.75,
                periods.getJsonObject(0).getJsonNumber("seat_utilization_rate").doubleValue());
        assertPeriod(periods.getJsonObject(1), 2, 2, 0, 1, 0, 1, "7200", 3);
        assertPeriod(periods.getJsonObject(2), 2, 2, 0, 1, 0, 0, null, 0);
        assertPeriod(body.getJsonObject("totals"), 2, 2, 0, 1, 1, 1, "5400", 3);

        var second = metrics(query + "&product_id=" + otherProduct, metricsToken);
        assertPeriod(second.getJsonArray("periods").getJsonObject(0), 2, 1, 1, 1, 1, 0, "5400", 0);
        assertPeriod(second.getJsonArray("periods").getJsonObject(1), 0, 0, 0, 0, 0, 1, null, 2);
        assertPeriod(second.getJsonObject("totals"), 0, 0, 0, 0, 1, 1, "5400", 2);
        var first = metrics(query + "&customer_id=" + customerId, metricsToken);
        assertPeriod(first.getJsonArray("periods").getJsonObject(0), 2, 2, 0, 1, 0, 0, "3600", 0);
        assertPeriod(first.getJsonObject("totals"), 2, 2, 0, 1, 0, 0, "5400", 1);
        assertPeriod(
                metrics(query + "&billing_type=one_time", metricsToken).getJsonObject("totals"),
                0,
                0,
                0,
                0,
                0,
                0,
                null,
                0);
        assertEquals(
                body.getJsonObject("totals"),
                metrics(query + "&billing_type=recurring", metricsToken).getJsonObject("totals"));
    }

    /**
     * The counts read from seat steps where Polar's "created by the request's end" needs a look at single seats (a
     * month whose last day is after the request's end, with claims and revocations after it), the same counts seat by
     * seat where a time zone's boundaries are not on quarter hours (Monrovia's old offset of -0:44:30), and the same
     * answers once the scheduler has folded the new steps.
     */
    @Test
    void seatMetricsFromStepsCountSeatsCreatedAfterTheEndAsPolarDoesAndAgreeSeatBySeat() throws Exception {
        String metricsToken = fixtures.token(tenant.organizationId(), java.util.List.of("metrics:read"));
        String buyer = fixtures.customer(tenant, Fixtures.email("steps-buyer")).getString("id");
        String x = fixtures.subscription(tenant, productId, buyer, 20).getString("id");
        // Asked for 2026-04-01..04-10 by month: the one period runs to May 1st, the request ends on April 11th.
        setTimes(seat(x, "s1", false), "2026-04-05T10:00:00Z", "2026-04-20T10:00:00Z", null);
        setTimes(seat(x, "s2", false), "2026-04-15T10:00:00Z", "2026-04-16T10:00:00Z", null);
        setTimes(seat(x, "s3", false), "2026-04-02T10:00:00Z", null, "2026-04-25T10:00:00Z");
        setTimes(seat(x, "s4", false), "2026-04-12T10:00:00Z", null, "2026-04-13T10:00:00Z");
        setTimes(seat(x, "s5", false), "2026-04-03T10:00:00Z", null, "2026-04-08T10:00:00Z");
        String month = "/v1/metrics/?start_date=2026-04-01&end_date=2026-04-10&interval=month&customer_id=" + buyer;
        // total, claimed, pending, customers, new, churned, median, revoked (manual)
        var monthly = metrics(month, metricsToken);
        assertPeriod(monthly.getJsonArray("periods").getJsonObject(0), 1, 1, 0, 1, 1, 0, null, 1);

        // Another buyer's seats in 1971, by day: on quarter hours in UTC, not in Monrovia.
        String earlier =
                fixtures.customer(tenant, Fixtures.email("steps-buyer-1971")).getString("id");
        String y = fixtures.subscription(tenant, productId, earlier, 20).getString("id");
        setTimes(seat(y, "m1", false), "1971-03-02T12:00:00Z", "1971-03-03T12:00:00Z", null);
        setTimes(seat(y, "m2", false), "1971-03-04T12:00:00Z", null, "1971-03-06T12:00:00Z");
        String days = "/v1/metrics/?start_date=1971-03-01&end_date=1971-03-07&interval=day&customer_id=" + earlier;
        var utc = metrics(days, metricsToken).getJsonArray("periods");
        var monrovia = metrics(days + "&timezone=Africa/Monrovia", metricsToken).getJsonArray("periods");
        assertEquals("1971-03-01T00:44:30Z", monrovia.getJsonObject(0).getString("timestamp"));
        long[] totals = {0, 1, 1, 2, 2, 1, 1};
        long[] claimed = {0, 0, 1, 1, 1, 1, 1};
        for (int i = 0; i < totals.length; i++) {
            for (var periods : java.util.List.of(utc, monrovia)) {
                var period = periods.getJsonObject(i);
                assertEquals(totals[i], period.getInt("seats_total"), period.toString());
                assertEquals(claimed[i], period.getInt("seats_claimed"), period.toString());
                assertEquals(totals[i] > 0 ? 1 : 0, period.getInt("seat_customers"), period.toString());
                assertEquals(i == 1 ? 1 : 0, period.getInt("new_seat_customers"), period.toString());
                assertEquals(
                        i == 5 ? 1 : 0, period.getJsonObject("seats_revoked").getInt("manual", 0), period.toString());
            }
        }

        long deadline = System.currentTimeMillis() + 30_000;
        while (api.get("/test-support/organizations/" + tenant.organizationId() + "/new-seat-steps", null)
                        .json()
                        .getInt("new")
                > 0) {
            assertTrue(System.currentTimeMillis() < deadline, "the scheduler folds new seat steps");
            Thread.sleep(200);
        }
        assertEquals(monthly, metrics(month, metricsToken));
        assertEquals(utc, metrics(days, metricsToken).getJsonArray("periods"));
    }

    private jakarta.json.JsonObject metrics(String query, String token) {
        var reply = api.get(query, token);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static void assertPeriod(
            jakarta.json.JsonObject values,
            int total,
            int claimed,
            int pending,
            int customers,
            int newCustomers,
            int churned,
            String median,
            int revoked) {
        String seen = values.toString();
        assertEquals(total, values.getInt("seats_total"), seen);
        assertEquals(claimed, values.getInt("seats_claimed"), seen);
        assertEquals(pending, values.getInt("seats_pending"), seen);
        assertEquals(customers, values.getInt("seat_customers"), seen);
        assertEquals(newCustomers, values.getInt("new_seat_customers"), seen);
        assertEquals(churned, values.getInt("churned_seat_customers"), seen);
        if (median == null) {
            assertTrue(values.isNull("median_time_to_claim_seconds"), seen);
        } else {
            assertEquals(
                    median, values.getJsonNumber("median_time_to_claim_seconds").toString(), seen);
        }
        var reasons = values.getJsonObject("seats_revoked");
        assertEquals(revoked, reasons.isEmpty() ? 0 : reasons.getInt("manual"), seen);
    }
}

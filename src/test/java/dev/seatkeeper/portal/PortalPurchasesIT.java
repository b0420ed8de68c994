package dev.seatkeeper.portal;

import static dev.seatkeeper.testing.Shapes.assertError;
import static dev.seatkeeper.testing.Shapes.assertKeys;
import static dev.seatkeeper.testing.Shapes.assertValidationError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.testing.Api;
import dev.seatkeeper.testing.ApiTest;
import dev.seatkeeper.testing.Fixtures;
import dev.seatkeeper.testing.Shapes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/customer-portal/subscriptions/} and {@code GET /v1/customer-portal/orders/}: the billing customer's
 * own purchases, for its session and its members by role, never another customer's, paged and filtered as Polar's.
 */
class PortalPurchasesIT extends ApiTest {
    static final String SUBSCRIPTIONS = "/v1/customer-portal/subscriptions/";
    static final String ORDERS = "/v1/customer-portal/orders/";

    /** A member-model tenant with two customers, each with subscriptions and orders of its own. */
    record Store(
            Fixtures.Tenant tenant,
            String recurringProduct,
            String oneTimeProduct,
            String customerId,
            String session,
            List<String> subscriptions,
            List<String> orders,
            String otherCustomerId,
            String otherSession,
            String otherSubscription,
            String otherOrder) {}

    Store store() {
        var tenant = fixtures.tenant(true, true);
        String recurring = fixtures.product(tenant, "month").getString("id");
        String oneTime = fixtures.product(tenant, null).getString("id");
        String customer = fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
        String other = fixtures.customer(tenant, Fixtures.email("other")).getString("id");
        var subscriptions = List.of(
                fixtures.subscription(tenant, recurring, customer, 3).getString("id"),
                fixtures.subscription(tenant, recurring, customer, 5).getString("id"));
        var orders =
                List.of(order(tenant, oneTime, customer, 2, "paid"), order(tenant, oneTime, customer, 4, "pending"));
        String otherSubscription =
                fixtures.subscription(tenant, recurring, other, 1).getString("id");
        String otherOrder = order(tenant, oneTime, other, 1, "paid");
        return new Store(
                tenant,
                recurring,
                oneTime,
                customer,
                fixtures.session(tenant, customer).getString("token"),
                subscriptions,
                orders,
                other,
                fixtures.session(tenant, other).getString("token"),
                otherSubscription,
                otherOrder);
    }

    String order(Fixtures.Tenant tenant, String productId, String customerId, int seats, String status) {
        var reply = api.post(
                "/v1/orders/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("product_id", productId)
                        .add("customer_id", customerId)
                        .add("seats", seats)
                        .add("status", status)
                        .build());
        assertEquals(201, reply.status(), reply.toString());
        return reply.string("id");
    }

    /** A session for the owner member every member-model customer is created with. */
    String ownerSession(Store store) {
        var owners = api.get(
                "/v1/members/?customer_id=" + store.customerId() + "&role=owner",
                store.tenant().token());
        assertEquals(200, owners.status(), owners.toString());
        String ownerId = owners.array("items").getJsonObject(0).getString("id");
        var session = api.post(
                "/v1/customer-sessions/",
                store.tenant().token(),
                Json.createObjectBuilder()
                        .add("customer_id", store.customerId())
                        .add("member_id", ownerId)
                        .build());
        assertEquals(201, session.status(), session.toString());
        return session.string("token");
    }

    JsonObject list(String path, String token) {
        var reply = api.get(path, token);
        assertEquals(200, reply.status(), reply.toString());
        assertKeys(Set.of("items", "pagination"), reply.json());
        assertKeys(Set.of("total_count", "max_page"), reply.json().getJsonObject("pagination"));
        return reply.json();
    }

    static Set<String> ids(JsonObject page) {
        var ids = new HashSet<String>();
        page.getJsonArray("items").forEach(v -> ids.add(v.asJsonObject().getString("id")));
        return ids;
    }

    static int total(JsonObject page) {
        return page.getJsonObject("pagination").getInt("total_count");
    }

    @Test
    void theBillingCustomerSeesItsOwnSubscriptionsWithPolarsShape() {
        var store = store();
        var page = list(SUBSCRIPTIONS, store.session());
        assertEquals(Set.copyOf(store.subscriptions()), ids(page), "its own, not the other customer's");
        assertEquals(2, total(page));
        assertEquals(1, page.getJsonObject("pagination").getInt("max_page"));
        assertEquals(page, list("/v1/customer-portal/subscriptions", store.session()), "with or without the slash");

        for (var item : page.getJsonArray("items")) {
            var subscription = item.asJsonObject();
            assertKeys(Shapes.CUSTOMER_SUBSCRIPTION, subscription);
            assertEquals(store.customerId(), subscription.getString("customer_id"));
            assertEquals(store.recurringProduct(), subscription.getString("product_id"));
            assertEquals("active", subscription.getString("status"));
            assertEquals("month", subscription.getString("recurring_interval"));
            var product = subscription.getJsonObject("product");
            assertKeys(Shapes.PORTAL_PRODUCT, product);
            assertEquals(store.recurringProduct(), product.getString("id"));
            assertEquals(
                    store.tenant().slug(), product.getJsonObject("organization").getString("slug"));
            assertEquals(JsonValue.NULL, subscription.get("pending_update"));
        }
        var bySeats = page.getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(s -> s.getString("id").equals(store.subscriptions().get(1)))
                .findFirst()
                .orElseThrow();
        assertEquals(5, bySeats.getInt("seats"));
        assertEquals(5000, bySeats.getInt("amount"));

        var other = list(SUBSCRIPTIONS, store.otherSession());
        assertEquals(Set.of(store.otherSubscription()), ids(other), "the other customer sees only its own");
    }

    @Test
    void theBillingCustomerSeesItsOwnOrdersWithPolarsShape() {
        var store = store();
        var page = list(ORDERS, store.session());
        assertEquals(Set.copyOf(store.orders()), ids(page), "its own, not the other customer's");
        assertEquals(2, total(page));
        assertEquals(page, list("/v1/customer-portal/orders", store.session()), "with or without the slash");

        for (var item : page.getJsonArray("items")) {
            var order = item.asJsonObject();
            assertKeys(Shapes.CUSTOMER_ORDER, order);
            assertEquals(store.customerId(), order.getString("customer_id"));
            assertEquals(store.oneTimeProduct(), order.getString("product_id"));
            assertEquals(JsonValue.NULL, order.get("subscription"));
            assertEquals("purchase", order.getString("billing_reason"));
            var product = order.getJsonObject("product");
            assertKeys(Shapes.PORTAL_PRODUCT, product);
            assertEquals(
                    store.tenant().slug(), product.getJsonObject("organization").getString("slug"));
            assertEquals(1, order.getJsonArray("items").size());
            assertKeys(Shapes.ORDER_ITEM, order.getJsonArray("items").getJsonObject(0));
        }
        var paid = page.getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(o -> o.getString("id").equals(store.orders().get(0)))
                .findFirst()
                .orElseThrow();
        assertEquals("paid", paid.getString("status"));
        assertTrue(paid.getBoolean("paid"));
        assertEquals(2, paid.getInt("seats"));
        assertEquals(2000, paid.getInt("total_amount"));
        assertEquals(0, paid.getInt("due_amount"));
        var pending = page.getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(o -> o.getString("id").equals(store.orders().get(1)))
                .findFirst()
                .orElseThrow();
        assertEquals("pending", pending.getString("status"));
        assertEquals(4000, pending.getInt("due_amount"));

        assertEquals(Set.of(store.otherOrder()), ids(list(ORDERS, store.otherSession())));
    }

    @Test
    void ownersAndBillingManagersSeeWhatTheCustomerSees() {
        var store = store();
        String manager = fixtures.memberSession(store.tenant(), store.customerId(), "billing_manager");
        for (String session : List.of(manager, ownerSession(store))) {
            assertEquals(list(SUBSCRIPTIONS, store.session()), list(SUBSCRIPTIONS, session));
            assertEquals(list(ORDERS, store.session()), list(ORDERS, session));
        }
    }

    @Test
    void aPlainMemberSeesTheSubscriptionsButNotTheOrders() {
        var store = store();
        String plain = fixtures.memberSession(store.tenant(), store.customerId(), "member");
        // Polar: subscriptions need any portal user of the customer, orders a billing role.
        assertEquals(list(SUBSCRIPTIONS, store.session()), list(SUBSCRIPTIONS, plain));
        assertError(
                api.get(ORDERS, plain),
                403,
                "NotPermitted",
                "Only owners and billing managers can access billing features.");
        assertError(
                api.get(ORDERS + "?page=0", plain),
                403,
                "NotPermitted",
                "Only owners and billing managers can access billing features.");
    }

    /**
     * {@code PATCH /v1/customer-portal/subscriptions/{id}}: billing roles schedule a decrease at the period end with
     * the organization route's rules; a plain member is refused (Polar: billing features need a billing role); another
     * customer's subscription answers exactly as an unknown id; refusals change nothing.
     */
    @Test
    void billingRolesScheduleASeatDecreaseFromThePortal() {
        var store = store();
        String sub = store.subscriptions().get(0);
        String path = SUBSCRIPTIONS + sub;
        fixtures.assign(store.tenant(), sub, Fixtures.email("one"));
        fixtures.assign(store.tenant(), sub, Fixtures.email("two"));
        String manager = fixtures.memberSession(store.tenant(), store.customerId(), "billing_manager");
        String plain = fixtures.memberSession(store.tenant(), store.customerId(), "member");
        var decrease = Json.createObjectBuilder()
                .add("seats", 1)
                .add("proration_behavior", "next_period")
                .build();
        var withStrategy = Json.createObjectBuilder(decrease)
                .add("release_strategy", "pending_first")
                .build();

        assertError(
                api.patch(path, plain, withStrategy),
                403,
                "NotPermitted",
                "Only owners and billing managers can access billing features.");
        var unknown = api.patch(SUBSCRIPTIONS + UUID.randomUUID(), manager, withStrategy);
        assertError(unknown, 404, "ResourceNotFound", "Subscription not found");
        var foreign = api.patch(path, store.otherSession(), withStrategy);
        assertEquals(unknown.status(), foreign.status());
        assertEquals(unknown.text(), foreign.text());
        assertEquals(
                unknown.text(),
                api.patch(SUBSCRIPTIONS + store.otherSubscription(), manager, withStrategy)
                        .text());
        assertError(
                api.patch(path, manager, decrease),
                400,
                "SeatsBelowAssigned",
                "1 seats must be released to lower the seats to 1.");
        assertTrue(stored(store, sub).isNull("pending_update"), "refusals change nothing");

        var scheduled = api.patch(path, manager, withStrategy);
        assertEquals(200, scheduled.status(), scheduled.toString());
        assertKeys(Shapes.CUSTOMER_SUBSCRIPTION, scheduled.json());
        assertEquals(3, scheduled.json().getInt("seats"), "the count changes at the period end");
        var pending = scheduled.json().getJsonObject("pending_update");
        assertEquals(1, pending.getInt("seats"));
        assertTrue(pending.isNull("product_id"));
        assertEquals(scheduled.json().getString("current_period_end"), pending.getString("applies_at"));
        assertEquals(pending, stored(store, sub).getJsonObject("pending_update"));

        var cancel = Json.createObjectBuilder()
                .add("seats", JsonValue.NULL)
                .add("proration_behavior", "next_period")
                .build();
        assertEquals(403, api.patch(path, plain, cancel).status());
        assertEquals(pending, stored(store, sub).getJsonObject("pending_update"));
        var canceled = api.patch(path, ownerSession(store), cancel);
        assertEquals(200, canceled.status(), canceled.toString());
        assertTrue(canceled.json().isNull("pending_update"));
        assertTrue(stored(store, sub).isNull("pending_update"));
    }

    /** The subscription as the organization reads it. */
    private JsonObject stored(Store store, String subscriptionId) {
        return api.get("/v1/subscriptions/" + subscriptionId, store.tenant().token())
                .json();
    }

    @Test
    void listsArePaged() {
        var store = store();
        fixtures.subscription(store.tenant(), store.recurringProduct(), store.customerId(), 2);
        order(store.tenant(), store.oneTimeProduct(), store.customerId(), 3, "paid");
        for (String path : List.of(SUBSCRIPTIONS, ORDERS)) {
            var first = list(path + "?page=1&limit=2", store.session());
            var second = list(path + "?page=2&limit=2", store.session());
            var past = list(path + "?page=3&limit=2", store.session());
            assertEquals(2, first.getJsonArray("items").size(), path);
            assertEquals(1, second.getJsonArray("items").size(), path);
            assertEquals(0, past.getJsonArray("items").size(), path);
            for (var page : List.of(first, second, past)) {
                assertEquals(3, total(page), path);
                assertEquals(2, page.getJsonObject("pagination").getInt("max_page"), path);
            }
            var both = new HashSet<>(ids(first));
            both.addAll(ids(second));
            assertEquals(ids(list(path + "?limit=100", store.session())), both, path);
            assertEquals(3, both.size(), path);
            assertValidationError(api.get(path + "?page=0", store.session()), "greater_than", "query", "page");
            assertValidationError(api.get(path + "?limit=x", store.session()), "int_parsing", "query", "limit");
        }
        var empty = list(
                SUBSCRIPTIONS,
                fixtures.session(
                                store.tenant(),
                                fixtures.customer(store.tenant(), Fixtures.email("new"))
                                        .getString("id"))
                        .getString("token"));
        assertEquals(0, total(empty));
        assertEquals(0, empty.getJsonObject("pagination").getInt("max_page"));
    }

    @Test
    void subscriptionsAreFilteredAsPolarFiltersThem() {
        var store = store();
        String canceled = store.subscriptions().get(0);
        assertEquals(
                200,
                api.delete("/v1/subscriptions/" + canceled, store.tenant().token())
                        .status());
        assertEquals(Set.of(store.subscriptions().get(1)), ids(list(SUBSCRIPTIONS + "?active=true", store.session())));
        assertEquals(Set.of(canceled), ids(list(SUBSCRIPTIONS + "?active=false", store.session())));
        assertEquals(2, total(list(SUBSCRIPTIONS + "?product_id=" + store.recurringProduct(), store.session())));
        assertEquals(
                2,
                total(list(
                        SUBSCRIPTIONS + "?product_id=" + UUID.randomUUID() + "&product_id=" + store.recurringProduct(),
                        store.session())));
        assertEquals(0, total(list(SUBSCRIPTIONS + "?product_id=" + store.oneTimeProduct(), store.session())));
        assertEquals(2, total(list(SUBSCRIPTIONS + "?query=TEAM%20plan", store.session())), "case ignored");
        assertEquals(0, total(list(SUBSCRIPTIONS + "?query=%25plan", store.session())), "% is not a wildcard");
        assertEquals(
                2,
                total(list(SUBSCRIPTIONS + "?sorting=-started_at&unknown=1", store.session())),
                "accepted, default order kept");
        assertValidationError(
                api.get(SUBSCRIPTIONS + "?product_id=nope", store.session()), "uuid_parsing", "query", "product_id", 0);
        assertValidationError(
                api.get(SUBSCRIPTIONS + "?active=maybe", store.session()), "bool_parsing", "query", "active");
    }

    @Test
    void ordersAreFilteredAsPolarFiltersThem() {
        var store = store();
        assertEquals(2, total(list(ORDERS + "?product_billing_type=one_time", store.session())));
        assertEquals(0, total(list(ORDERS + "?product_billing_type=recurring", store.session())));
        assertEquals(
                2,
                total(list(ORDERS + "?product_billing_type=recurring&product_billing_type=one_time", store.session())));
        assertEquals(2, total(list(ORDERS + "?product_id=" + store.oneTimeProduct(), store.session())));
        assertEquals(0, total(list(ORDERS + "?product_id=" + store.recurringProduct(), store.session())));
        assertEquals(
                0,
                total(list(ORDERS + "?subscription_id=" + store.subscriptions().get(0), store.session())));
        assertEquals(2, total(list(ORDERS + "?query=team", store.session())));
        assertValidationError(
                api.get(ORDERS + "?product_billing_type=monthly", store.session()),
                "enum",
                "query",
                "product_billing_type",
                0);
        assertValidationError(
                api.get(
                        ORDERS + "?subscription_id=" + store.subscriptions().get(0) + "&subscription_id=x",
                        store.session()),
                "uuid_parsing",
                "query",
                "subscription_id",
                1);
    }

    @Test
    void openApiNamesTheRoutesAsPolarDoes() throws Exception {
        var reply = new Api(new URL(base, "/")).get("/openapi", null);
        assertEquals(200, reply.status());
        var paths = reply.json().getJsonObject("paths");
        var subscriptions =
                paths.getJsonObject("/v1/customer-portal/subscriptions").getJsonObject("get");
        assertEquals("customer_portal:subscriptions:list", subscriptions.getString("operationId"));
        assertEquals(
                Set.of("200", "401", "422"),
                subscriptions.getJsonObject("responses").keySet());
        var orders = paths.getJsonObject("/v1/customer-portal/orders").getJsonObject("get");
        assertEquals("customer_portal:orders:list", orders.getString("operationId"));
        assertEquals(
                Set.of("200", "401", "403", "422"),
                orders.getJsonObject("responses").keySet());
        var capacity = paths.getJsonObject("/v1/customer-portal/seats/capacity").getJsonObject("get");
        assertEquals("customer_portal:seats:capacity", capacity.getString("operationId"));
        assertEquals(
                Set.of("200", "401", "403"), capacity.getJsonObject("responses").keySet());
        assertTrue(reply.json()
                .getJsonObject("components")
                .getJsonObject("schemas")
                .containsKey("CustomerSeatPoolCapacityList"));
    }

    @Test
    void onlyPortalSessionsMayList() {
        for (String path : List.of(SUBSCRIPTIONS, ORDERS)) {
            assertEquals(401, api.get(path, null).status(), path);
            assertEquals(401, api.get(path, "polar_cst_" + "x".repeat(40)).status(), path);
        }
    }

    /**
     * {@code GET /v1/customer-portal/seats/capacity} (contract, "Beyond Polar: capacity signals, seat usage and seat
     * metrics"): how full each of the customer's pools is, with the highest capacity alert reached; billing roles
     * only (a plain member gets Polar's billing 403); another customer's pools never appear, and a pending order
     * (which holds no seats) is left out.
     */
    @Test
    void billingRolesSeeHowFullEachOfTheirOwnPoolsIs() {
        var store = store();
        fixtures.capacityAlerts(store.tenant(), 50, 80);
        // The first subscription (3 seats): one claimed, one pending = 66 %. The paid order (2 seats): full.
        fixtures.claim(
                assignSeat(store, "subscription_id", store.subscriptions().get(0), "claimed"));
        assignSeat(store, "subscription_id", store.subscriptions().get(0), "pending");
        assignSeat(store, "order_id", store.orders().get(0), "first");
        assignSeat(store, "order_id", store.orders().get(0), "second");
        assignSeat(store, "subscription_id", store.otherSubscription(), "others");

        var items = capacity(store.session());
        assertEquals(3, items.size(), items.toString());
        var pool = items.getJsonObject(0);
        assertKeys(
                Set.of("subscription_id", "order_id", "seats", "claimed", "pending", "available", "threshold", "full"),
                pool);
        assertEquals(store.subscriptions().get(0), pool.getString("subscription_id"));
        assertTrue(pool.isNull("order_id"));
        assertEquals(List.of(3, 1, 1, 1, 50), numbers(pool, "seats", "claimed", "pending", "available", "threshold"));
        assertEquals(JsonValue.FALSE, pool.get("full"));
        var untouched = items.getJsonObject(1);
        assertEquals(store.subscriptions().get(1), untouched.getString("subscription_id"));
        assertEquals(List.of(5, 0, 0, 5), numbers(untouched, "seats", "claimed", "pending", "available"));
        assertTrue(untouched.isNull("threshold"), untouched.toString());
        var order = items.getJsonObject(2);
        assertEquals(store.orders().get(0), order.getString("order_id"));
        assertTrue(order.isNull("subscription_id"));
        assertEquals(List.of(2, 0, 2, 0, 80), numbers(order, "seats", "claimed", "pending", "available", "threshold"));
        assertEquals(JsonValue.TRUE, order.get("full"));

        String manager = fixtures.memberSession(store.tenant(), store.customerId(), "billing_manager");
        for (String session : List.of(manager, ownerSession(store))) {
            assertEquals(items, capacity(session));
        }
        String plain = fixtures.memberSession(store.tenant(), store.customerId(), "member");
        assertError(
                api.get("/v1/customer-portal/seats/capacity", plain),
                403,
                "NotPermitted",
                "Only owners and billing managers can access billing features.");
        var others = capacity(store.otherSession());
        assertEquals(2, others.size(), others.toString());
        assertEquals(store.otherSubscription(), others.getJsonObject(0).getString("subscription_id"));
        assertEquals(JsonValue.TRUE, others.getJsonObject(0).get("full"));
        assertEquals(store.otherOrder(), others.getJsonObject(1).getString("order_id"));
        assertEquals(401, api.get("/v1/customer-portal/seats/capacity", null).status());
    }

    /** A pending seat assigned on the organization route to the container; returns its invitation token. */
    String assignSeat(Store store, String container, String id, String who) {
        var reply = api.post(
                "/v1/customer-seats",
                store.tenant().token(),
                Json.createObjectBuilder()
                        .add(container, id)
                        .add("email", Fixtures.email(who))
                        .build());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getString("invitation_token");
    }

    jakarta.json.JsonArray capacity(String session) {
        var reply = api.get("/v1/customer-portal/seats/capacity", session);
        assertEquals(200, reply.status(), reply.toString());
        assertKeys(Set.of("items"), reply.json());
        return reply.json().getJsonArray("items");
    }

    static List<Integer> numbers(JsonObject pool, String... keys) {
        return java.util.Arrays.stream(keys).map(pool::getInt).toList();
    }
}

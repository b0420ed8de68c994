package dev.seatkeeper.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Builds the data a test needs through the public API, the way a merchant would, each time with fresh names so
 * that tests never depend on each other or on their order.
 */
public final class Fixtures {
    public static final String OPERATOR = "test-operator-token";
    public static final List<String> ALL_SCOPES = List.of(
            "customers:read",
            "customers:write",
            "members:read",
            "members:write",
            "products:read",
            "products:write",
            "subscriptions:read",
            "subscriptions:write",
            "orders:read",
            "orders:write",
            "customer_seats:read",
            "customer_seats:write",
            "customer_sessions:write",
            "organizations:read");

    /** The scopes of {@link #ALL_SCOPES} and the webhook scopes, for tests of the endpoint API and deliveries. */
    public static final List<String> ALL_SCOPES_WITH_WEBHOOKS = Stream.concat(
                    ALL_SCOPES.stream(), Stream.of("webhooks:read", "webhooks:write"))
            .toList();

    private final Api api;
    private final String operator;

    /** Fixtures made through {@code api} with the test deployment's operator token, {@link #OPERATOR}. */
    public Fixtures(Api api) {
        this(api, OPERATOR);
    }

    /** Fixtures made through {@code api} with another server's operator token (a server this test did not start). */
    public Fixtures(Api api, String operator) {
        this.api = api;
        this.operator = operator;
    }

    /** A new organization and an access token for it. */
    public record Tenant(String organizationId, String slug, String token) {}

    public Tenant tenant(boolean seatBasedPricing, boolean memberModel) {
        return tenant(seatBasedPricing, memberModel, ALL_SCOPES);
    }

    public Tenant tenant(boolean seatBasedPricing, boolean memberModel, List<String> scopes) {
        String slug = "org-" + UUID.randomUUID().toString().substring(0, 8);
        var org = api.post(
                "/v1/organizations/",
                operator,
                Json.createObjectBuilder()
                        .add("name", "Org " + slug)
                        .add("slug", slug)
                        .add(
                                "feature_settings",
                                Json.createObjectBuilder()
                                        .add("seat_based_pricing_enabled", seatBasedPricing)
                                        .add("member_model_enabled", memberModel))
                        .build());
        check(org, 201);
        String organizationId = org.string("id");
        return new Tenant(organizationId, slug, token(organizationId, scopes));
    }

    public String token(String organizationId, List<String> scopes) {
        JsonArrayBuilder granted = Json.createArrayBuilder();
        scopes.forEach(granted::add);
        var token = api.post(
                "/v1/organization-access-tokens/",
                operator,
                Json.createObjectBuilder()
                        .add("organization_id", organizationId)
                        .add("comment", "tests")
                        .add("scopes", granted)
                        .build());
        check(token, 201);
        return token.string("token");
    }

    /** A product ({@code interval} null: one-time) with tiers 1-10 at 1000 and 11+ at 800. */
    public JsonObject product(Tenant tenant, String interval) {
        return product(tenant, "Team plan " + UUID.randomUUID().toString().substring(0, 6), interval);
    }

    /** As {@link #product(Tenant, String)}, with the given name. */
    public JsonObject product(Tenant tenant, String name, String interval) {
        var body = Json.createObjectBuilder().add("name", name);
        if (interval == null) {
            body.addNull("recurring_interval");
        } else {
            body.add("recurring_interval", interval);
        }
        body.add(
                "prices",
                Json.createArrayBuilder()
                        .add(Json.createObjectBuilder()
                                .add("amount_type", "seat_based")
                                .add("price_currency", "usd")
                                .add(
                                        "seat_tiers",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "tiers",
                                                        Json.createArrayBuilder()
                                                                .add(Json.createObjectBuilder()
                                                                        .add("min_seats", 1)
                                                                        .add("max_seats", 10)
                                                                        .add("price_per_seat", 1000))
                                                                .add(Json.createObjectBuilder()
                                                                        .add("min_seats", 11)
                                                                        .add("price_per_seat", 800))))));
        var reply = api.post("/v1/products/", tenant.token(), body.build());
        check(reply, 201);
        return reply.json();
    }

    public JsonObject customer(Tenant tenant, String email) {
        var reply = api.post(
                "/v1/customers/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("email", email)
                        .add("name", "Customer " + email)
                        .build());
        check(reply, 201);
        return reply.json();
    }

    public static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    public JsonObject subscription(Tenant tenant, String productId, String customerId, int seats) {
        var reply = api.post(
                "/v1/subscriptions/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("product_id", productId)
                        .add("customer_id", customerId)
                        .add("seats", seats)
                        .build());
        check(reply, 201);
        return reply.json();
    }

    public JsonObject session(Tenant tenant, String customerId) {
        var reply = api.post(
                "/v1/customer-sessions/",
                tenant.token(),
                Json.createObjectBuilder().add("customer_id", customerId).build());
        check(reply, 201);
        return reply.json();
    }

    /** Assigns a pending seat of a subscription to an e-mail; the response carries the invitation token. */
    public JsonObject assign(Tenant tenant, String subscriptionId, String email) {
        var reply = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add("email", email)
                        .build());
        check(reply, 200);
        return reply.json();
    }

    /** Claims with the token; the response holds the seat and the holder's session token. */
    public JsonObject claim(String invitationToken) {
        var reply = api.post(
                "/v1/customer-seats/claim",
                null,
                Json.createObjectBuilder()
                        .add("invitation_token", invitationToken)
                        .build());
        check(reply, 200);
        return reply.json();
    }

    /** Sets the organization's {@code feature_settings.seat_capacity_alerts} (percentages) with the operator token. */
    public void capacityAlerts(Tenant tenant, int... percentages) {
        JsonArrayBuilder alerts = Json.createArrayBuilder();
        for (int percentage : percentages) {
            alerts.add(percentage);
        }
        var reply = api.patch(
                "/v1/organizations/" + tenant.organizationId(),
                OPERATOR,
                Json.createObjectBuilder()
                        .add("feature_settings", Json.createObjectBuilder().add("seat_capacity_alerts", alerts))
                        .build());
        if (reply.status() != 200) {
            throw new AssertionError("capacity alerts: " + reply);
        }
    }

    /** A member session for a new member of the customer with the given role. */
    public String memberSession(Tenant tenant, String customerId, String role) {
        var member = api.post(
                "/v1/customers/" + customerId + "/members",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("email", email(role))
                        .add("role", role)
                        .build());
        check(member, 201);
        var session = api.post(
                "/v1/customer-sessions/",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("customer_id", customerId)
                        .add("member_id", member.string("id"))
                        .build());
        check(session, 201);
        return session.string("token");
    }

    public void disableSeats(Tenant tenant) {
        check(
                api.patch(
                        "/v1/organizations/" + tenant.organizationId(),
                        operator,
                        Json.createObjectBuilder()
                                .add(
                                        "feature_settings",
                                        Json.createObjectBuilder().add("seat_based_pricing_enabled", false))
                                .build()),
                200);
    }

    /** The outbox events recorded for the organization, oldest first. */
    /** The organization's {@code customer_seat.*} events in the outbox, oldest first (member events left out). */
    public JsonArray seatEvents(Tenant tenant) {
        var reply = api.get("/test-support/events/" + tenant.organizationId(), null);
        check(reply, 200);
        try (var reader = Json.createReader(new StringReader(reply.text()))) {
            var seatEvents = Json.createArrayBuilder();
            reader.readArray().getValuesAs(JsonObject.class).stream()
                    .filter(event -> event.getString("type").startsWith("customer_seat."))
                    .forEach(seatEvents::add);
            return seatEvents.build();
        }
    }

    /**
     * A claimed seat of {@code email} in the subscription, idle long enough for the next scheduler run to warn it
     * (contract, "Beyond Polar: activity and reclaim of idle seats"): the tenant's reclaim policy is set to warn
     * after 7 idle days, 3 days ahead (operator {@code PATCH}), the seat is assigned with an immediate claim, and
     * the test-only route ages it by 8 days. Returns the seat id.
     */
    public String idleSeatUnderReclaimPolicy(Tenant tenant, String subscriptionId, String email) {
        var policy = api.patch(
                "/v1/organizations/" + tenant.organizationId(),
                operator,
                Json.createObjectBuilder()
                        .add(
                                "feature_settings",
                                Json.createObjectBuilder()
                                        .add(
                                                "seat_reclaim",
                                                Json.createObjectBuilder()
                                                        .add("enabled", true)
                                                        .add("inactive_after_days", 7)
                                                        .add("warn_days_before", 3)))
                        .build());
        check(policy, 200);
        var seat = api.post(
                "/v1/customer-seats",
                tenant.token(),
                Json.createObjectBuilder()
                        .add("subscription_id", subscriptionId)
                        .add("email", email)
                        .add("immediate_claim", true)
                        .build());
        check(seat, 200);
        String seatId = seat.string("id");
        check(api.post("/test-support/seats/" + seatId + "/age/8", null, ""), 204);
        return seatId;
    }

    private static void check(Api.Reply reply, int expected) {
        if (reply.status() != expected) {
            throw new AssertionError("Expected " + expected + " but got " + reply);
        }
    }
}

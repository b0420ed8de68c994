package dev.seatkeeper.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One new person given seats on several subscriptions of one billing customer at once (issue 24: concurrent requests
 * each creating the holder's customer or member made all but one fail with 409). Sets up an organization in either
 * model with {@link #SUBSCRIPTIONS} subscriptions, and checks what is stored after the race: every request answered
 * 200, exactly one customer (legacy model) and one member of the billing customer for the person, one
 * {@code member.created}, and one seat of the person on every subscription.
 */
public final class SamePersonRace {
    /** How many requests race: one per subscription. */
    public static final int SUBSCRIPTIONS = 10;

    private final Api api;
    public final Fixtures.Tenant tenant;
    public final boolean memberModel;
    public final String billingId;
    public final List<String> subscriptionIds = new ArrayList<>();
    /** The person, in mixed case: requests and stored rows must agree on it whatever the case. */
    public final String email;

    /** A new organization (member model or legacy) whose billing customer has {@link #SUBSCRIPTIONS} subscriptions. */
    public SamePersonRace(Api api, Fixtures fixtures, boolean memberModel) {
        this(api, fixtures, memberModel, SUBSCRIPTIONS);
    }

    /** A new organization (member model or legacy) whose billing customer has {@code subscriptions} subscriptions. */
    public SamePersonRace(Api api, Fixtures fixtures, boolean memberModel, int subscriptions) {
        this.api = api;
        this.memberModel = memberModel;
        this.tenant = fixtures.tenant(true, memberModel);
        this.email = Fixtures.email("Newcomer");
        String productId = fixtures.product(tenant, "month").getString("id");
        this.billingId = fixtures.customer(tenant, Fixtures.email("billing")).getString("id");
        for (int i = 0; i < subscriptions; i++) {
            subscriptionIds.add(
                    fixtures.subscription(tenant, productId, billingId, 3).getString("id"));
        }
    }

    /** The assign body for subscription {@code index} and the person, with {@code email} in the case given. */
    public JsonObject assignBody(int index, String email) {
        return Json.createObjectBuilder()
                .add("subscription_id", subscriptionIds.get(index))
                .add("email", email)
                .build();
    }

    /** Asserts that every reply is 200, then {@link #assertOnePerson} with the member announced once. */
    public void assertAllSucceeded(List<Api.Reply> replies, String seatStatus) {
        assertAllSucceeded(replies, seatStatus, 1);
    }

    /** Asserts that every reply is 200, then {@link #assertOnePerson}. */
    public void assertAllSucceeded(List<Api.Reply> replies, String seatStatus, int announced) {
        for (var reply : replies) {
            assertEquals(200, reply.status(), "every request succeeds: " + replies);
        }
        assertOnePerson(seatStatus, announced);
    }

    /**
     * What is stored: one customer with the person's address in the legacy model (none in the member model, where
     * the person is only a member), one member of the billing customer with it, {@code announced} times announced
     * with {@code member.created} (once per member ever made for the person), and on every subscription exactly one
     * seat of the person, in {@code seatStatus}, held by that member (and that customer).
     *
     * @return the member's id
     */
    public String assertOnePerson(String seatStatus, int announced) {
        var customers = api.get("/v1/customers/?email=" + email.toLowerCase(Locale.ROOT), tenant.token());
        assertEquals(200, customers.status(), customers.toString());
        List<JsonObject> holders = customers.array("items").getValuesAs(JsonObject.class);
        assertEquals(memberModel ? 0 : 1, holders.size(), "customers for the person: " + customers);
        var members = api.get("/v1/members/?limit=100&customer_id=" + billingId, tenant.token());
        assertEquals(200, members.status(), members.toString());
        List<JsonObject> people = members.array("items").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("email").equalsIgnoreCase(email))
                .toList();
        assertEquals(1, people.size(), "members for the person: " + members);
        String memberId = people.get(0).getString("id");
        assertEquals("member", people.get(0).getString("role"));
        long created = events().stream()
                .filter(e -> e.getString("type").equals("member.created"))
                .filter(e -> e.getJsonObject("payload")
                        .getJsonObject("data")
                        .getString("email")
                        .equalsIgnoreCase(email))
                .count();
        assertEquals(announced, created, "member.created for the person");
        for (String subscriptionId : subscriptionIds) {
            var listed = api.get("/v1/customer-seats?subscription_id=" + subscriptionId, tenant.token());
            assertEquals(200, listed.status(), listed.toString());
            List<JsonObject> seats = listed.array("seats").getValuesAs(JsonObject.class).stream()
                    .filter(s -> !s.getString("status").equals("revoked"))
                    .filter(s -> s.getString("email").equalsIgnoreCase(email))
                    .toList();
            assertEquals(1, seats.size(), "the person's seats on " + subscriptionId + ": " + listed);
            JsonObject seat = seats.get(0);
            assertEquals(seatStatus, seat.getString("status"), seat.toString());
            assertEquals(memberId, seat.getString("member_id"), seat.toString());
            String expectedCustomer = memberModel ? billingId : holders.get(0).getString("id");
            assertEquals(expectedCustomer, seat.getString("customer_id"), seat.toString());
        }
        return memberId;
    }

    private List<JsonObject> events() {
        var reply = api.get("/test-support/events/" + tenant.organizationId(), null);
        assertTrue(reply.status() == 200, reply.toString());
        try (var reader = Json.createReader(new java.io.StringReader(reply.text()))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }
}

package dev.seatkeeper.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assertions;

/** The exact key sets of Polar's SDK models, so that a missing (or null-dropped) key fails a test. */
public final class Shapes {
    public static final Set<String> CUSTOMER = Set.of(
            "id",
            "created_at",
            "modified_at",
            "metadata",
            "external_id",
            "email",
            "email_verified",
            "type",
            "name",
            "billing_name",
            "billing_address",
            "tax_id",
            "locale",
            "organization_id",
            "default_payment_method_id",
            "deleted_at",
            "avatar_url",
            "first_user_event_at");
    public static final Set<String> MEMBER =
            Set.of("id", "created_at", "modified_at", "customer_id", "email", "name", "external_id", "role");
    public static final Set<String> CUSTOMER_SESSION = Set.of(
            "created_at",
            "modified_at",
            "id",
            "token",
            "expires_at",
            "return_url",
            "customer_portal_url",
            "customer_id",
            "customer");

    public static final Set<String> CUSTOMER_SEAT = Set.of(
            "id",
            "created_at",
            "modified_at",
            "subscription_id",
            "order_id",
            "status",
            "customer_id",
            "member_id",
            "member",
            "email",
            "customer_email",
            "invitation_token_expires_at",
            "claimed_at",
            "revoked_at",
            "seat_metadata",
            // Beyond Polar, additive: present (null when empty) on every CustomerSeat.
            "revokes_at",
            "revocation_reason",
            "last_active_at",
            "reclaim_at");
    /** Polar's CustomerSubscription (customer portal). */
    public static final Set<String> CUSTOMER_SUBSCRIPTION = Set.of(
            "created_at",
            "modified_at",
            "id",
            "amount",
            "currency",
            "recurring_interval",
            "recurring_interval_count",
            "status",
            "current_period_start",
            "current_period_end",
            "current_meter_period_start",
            "current_meter_period_end",
            "trial_start",
            "trial_end",
            "cancel_at_period_end",
            "canceled_at",
            "started_at",
            "ends_at",
            "ended_at",
            "pause_at_period_end",
            "paused_at",
            "resumes_at",
            "customer_id",
            "product_id",
            "discount_id",
            "checkout_id",
            "seats",
            "units",
            "customer_cancellation_reason",
            "customer_cancellation_comment",
            "product",
            "prices",
            "meters",
            "pending_update");
    /** Polar's CustomerSubscriptionProduct and CustomerOrderProduct (the same fields). */
    public static final Set<String> PORTAL_PRODUCT = Set.of(
            "id",
            "created_at",
            "modified_at",
            "trial_interval",
            "trial_interval_count",
            "name",
            "description",
            "visibility",
            "recurring_interval",
            "recurring_interval_count",
            "meter_interval",
            "meter_interval_count",
            "is_recurring",
            "is_archived",
            "organization_id",
            "prices",
            "benefits",
            "medias",
            "organization");
    /** Polar's CustomerOrder (customer portal). */
    public static final Set<String> CUSTOMER_ORDER = Set.of(
            "id",
            "created_at",
            "modified_at",
            "status",
            "paid",
            "subtotal_amount",
            "discount_amount",
            "net_amount",
            "tax_amount",
            "total_amount",
            "applied_balance_amount",
            "due_amount",
            "refunded_amount",
            "refunded_tax_amount",
            "currency",
            "billing_reason",
            "billing_name",
            "billing_address",
            "invoice_number",
            "is_invoice_generated",
            "receipt_number",
            "seats",
            "units",
            "customer_id",
            "product_id",
            "discount_id",
            "subscription_id",
            "checkout_id",
            "product",
            "subscription",
            "items",
            "description",
            "refundable_amount",
            "refundable_tax_amount");
    /** Polar's OrderItemSchema. */
    public static final Set<String> ORDER_ITEM =
            Set.of("created_at", "modified_at", "id", "label", "amount", "tax_amount", "proration", "product_price_id");

    public static final Set<String> INVITED_SEAT = union(CUSTOMER_SEAT, Set.of("invitation_token", "invitation_url"));
    public static final Set<String> CLAIM_INFO = Set.of(
            "product_name", "product_id", "organization_name", "organization_slug", "customer_email", "can_claim");

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private Shapes() {}

    public static void assertKeys(Set<String> expected, JsonObject actual) {
        assertEquals(new TreeSet<>(expected), new TreeSet<>(actual.keySet()), "keys of " + actual);
    }

    public static void assertValidationError(Api.Reply reply, String type, Object... loc) {
        assertEquals(422, reply.status(), reply.toString());
        var detail = reply.json().getJsonArray("detail");
        assertEquals("RequestValidationError", reply.string("error"));
        var expectedLoc = Json.createArrayBuilder();
        for (Object part : loc) {
            if (part instanceof Integer i) {
                expectedLoc.add(i);
            } else {
                expectedLoc.add(part.toString());
            }
        }
        var wanted = expectedLoc.build();
        boolean found = detail.stream()
                .map(v -> v.asJsonObject())
                .anyMatch(d -> d.getString("type").equals(type)
                        && d.getJsonArray("loc").equals(wanted));
        Assertions.assertTrue(found, "no " + type + " at " + wanted + " in " + reply);
    }

    public static void assertError(Api.Reply reply, int status, String error, String detail) {
        assertEquals(status, reply.status(), reply.toString());
        Assertions.assertTrue(
                reply.isJson(), "JSON content type: " + reply.headers().map());
        assertEquals(error, reply.string("error"), reply.toString());
        if (detail != null) {
            assertEquals(detail, reply.string("detail"), reply.toString());
        }
    }
}

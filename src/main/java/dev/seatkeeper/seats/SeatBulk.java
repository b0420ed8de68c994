package dev.seatkeeper.seats;

import dev.seatkeeper.customers.EmailAddress;
import dev.seatkeeper.platform.JsonBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The body of a bulk assignment (contract, "Beyond Polar: seat lifecycle", bulk): one container (exactly one of
 * {@code subscription_id}, {@code order_id}), 1 to {@value #MAX_ITEMS} items each read as a SeatAssign without its
 * container, and {@code dry_run}.
 */
public record SeatBulk(
        Optional<UUID> subscriptionId, Optional<UUID> orderId, List<SeatAssignment> items, boolean dryRun) {
    public static final int MAX_ITEMS = 1000;

    /**
     * Reads and validates the body; throws the 422 listing every problem, items' problems located at
     * {@code ["body", "seats", i, …]}. A malformed item fails the whole request (nothing is assigned), as a body
     * that does not match the schema does in FastAPI; the rules that need the database are judged per item.
     */
    public static SeatBulk read(JsonBody body) {
        var subscriptionId = body.optionalUuid("subscription_id");
        var orderId = body.optionalUuid("order_id");
        boolean dryRun = body.optionalBoolean("dry_run").orElse(false);
        var itemBodies = body.requiredObjectList("seats");
        body.check();
        if (itemBodies.size() > MAX_ITEMS) {
            body.reject(
                    "seats",
                    "too_long",
                    "List should have at most " + MAX_ITEMS + " items after validation, not " + itemBodies.size());
        } else if (itemBodies.isEmpty()) {
            body.reject("seats", "too_short", "List should have at least 1 item after validation, not 0");
        }
        body.check();
        if (subscriptionId.isPresent() == orderId.isPresent()) {
            body.rejectBody("Exactly one of subscription_id or order_id must be provided");
            body.check();
        }
        var items = new ArrayList<SeatAssignment>();
        for (JsonBody item : itemBodies) {
            items.add(SeatAssignment.readBulkItem(item, subscriptionId, orderId));
        }
        body.check();
        return new SeatBulk(subscriptionId, orderId, List.copyOf(items), dryRun);
    }

    /**
     * The keys that name an item's person within one request: its e-mail (case-insensitive) and each id it gives.
     * Two items sharing a key are the same person; the later one is refused as already assigned.
     */
    static List<String> personKeys(SeatAssignment item) {
        var keys = new ArrayList<String>();
        item.email().ifPresent(email -> keys.add("email:" + EmailAddress.keyOf(email)));
        item.customerId().ifPresent(id -> keys.add("customer:" + id));
        item.externalCustomerId().ifPresent(id -> keys.add("external_customer:" + id));
        item.memberId().ifPresent(id -> keys.add("member:" + id));
        item.externalMemberId().ifPresent(id -> keys.add("external_member:" + id));
        return keys;
    }

    /** How an item names its person in a {@link SeatAlreadyAssigned} detail, as the single assign does. */
    static String who(SeatAssignment item) {
        return item.email()
                .or(item::externalCustomerId)
                .or(() -> item.customerId().map(UUID::toString))
                .or(item::externalMemberId)
                .or(() -> item.memberId().map(UUID::toString))
                .orElse("");
    }
}

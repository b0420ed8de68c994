package dev.seatkeeper.reclaim;

import dev.seatkeeper.platform.Instants;
import dev.seatkeeper.platform.JsonBody;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The body of {@code POST /v1/customer-seats/activity} (contract, "Beyond Polar: activity and reclaim of idle
 * seats"): 1 to {@value #MAX_ITEMS} items, each naming a seat by {@code seat_id}, or by a person ({@code member_id},
 * {@code external_member_id} or {@code email}) and a container ({@code subscription_id} or {@code order_id}), with
 * an optional {@code at} (ISO-8601; absent: the time of the request; at most {@value #MAX_YEARS_BACK} years before it).
 * A malformed item fails the whole request with a 422 at {@code ["body", "items", i, …]}; the rules that need the
 * database are judged per item.
 */
record ActivityReport(List<Item> items) {
    static final int MAX_ITEMS = 1000;
    /**
     * How far back an {@code at} may lie. Older is no activity anyone observed: stored on a seat without activity it
     * would make the seat idle since then and due for reclaim at the next run, and the earliest instants Java reads
     * cannot have a minute subtracted (the once-a-minute rule) nor be stored by PostgreSQL.
     */
    static final int MAX_YEARS_BACK = 5;

    /** One item; exactly one of {@code seatId} and a person with a container is present. */
    record Item(
            Optional<UUID> seatId,
            Optional<UUID> memberId,
            Optional<String> externalMemberId,
            Optional<String> email,
            Optional<UUID> subscriptionId,
            Optional<UUID> orderId,
            Optional<OffsetDateTime> at) {}

    /** Reads and validates the body against the request's time {@code now} (UTC); throws the 422 listing every problem. */
    static ActivityReport read(JsonBody body, OffsetDateTime now) {
        var itemBodies = body.requiredObjectList("items");
        body.check();
        if (itemBodies.size() > MAX_ITEMS) {
            body.reject(
                    "items",
                    "too_long",
                    "List should have at most " + MAX_ITEMS + " items after validation, not " + itemBodies.size());
        } else if (itemBodies.isEmpty()) {
            body.reject("items", "too_short", "List should have at least 1 item after validation, not 0");
        }
        body.check();
        var items = new ArrayList<Item>();
        for (JsonBody item : itemBodies) {
            items.add(readItem(item, now.minusYears(MAX_YEARS_BACK)));
        }
        body.check();
        return new ActivityReport(List.copyOf(items));
    }

    private static Item readItem(JsonBody item, OffsetDateTime earliest) {
        var seatId = item.optionalUuid("seat_id");
        var memberId = item.optionalUuid("member_id");
        var externalMemberId = item.optionalString("external_member_id");
        var email = item.optionalString("email");
        var subscriptionId = item.optionalUuid("subscription_id");
        var orderId = item.optionalUuid("order_id");
        var at = Instants.optional(item, "at");
        if (at.isPresent() && at.get().isBefore(earliest)) {
            item.reject(
                    "at", "value_error", "Value error, at must be at most " + MAX_YEARS_BACK + " years in the past.");
        }
        int people =
                (memberId.isPresent() ? 1 : 0) + (externalMemberId.isPresent() ? 1 : 0) + (email.isPresent() ? 1 : 0);
        int containers = (subscriptionId.isPresent() ? 1 : 0) + (orderId.isPresent() ? 1 : 0);
        boolean bySeat = item.has("seat_id");
        if (bySeat ? people + containers > 0 : people != 1 || containers != 1) {
            item.rejectBody("Either seat_id, or one of member_id, external_member_id, email together with one of"
                    + " subscription_id, order_id must be provided");
        }
        return new Item(seatId, memberId, externalMemberId, email, subscriptionId, orderId, at);
    }
}

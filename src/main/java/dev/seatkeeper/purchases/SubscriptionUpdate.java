package dev.seatkeeper.purchases;

import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.JsonBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The body of {@code PATCH /v1/subscriptions/{id}} and its portal twin, one of two of Polar's forms:
 * SubscriptionCancel ({@code cancel_at_period_end}, with Polar's optional cancellation reason and comment), or
 * SubscriptionUpdateSeats ({@code seats}, {@code proration_behavior}) with, Beyond Polar, the leavers of a decrease at
 * the period end ({@code release_seat_ids} or {@code release_strategy}; contract, "Scheduled decrease naming who
 * leaves").
 *
 * @param seats empty only for {@code {"seats": null, "proration_behavior": "next_period"}}, which cancels the pending
 *     change
 */
public record SubscriptionUpdate(
        Optional<Boolean> cancelAtPeriodEnd,
        Optional<Integer> seats,
        boolean nextPeriod,
        Optional<List<UUID>> releaseSeatIds,
        Optional<String> releaseStrategy) {
    static final List<String> PRORATION = List.of("invoice", "prorate", "next_period");
    static final List<String> STRATEGIES = List.of("pending_first", "least_recently_active");

    /** Reads and checks the body; throws the 422 listing every problem. */
    public static SubscriptionUpdate read(JsonBody body) {
        if (body.has("cancel_at_period_end")) {
            var cancel = body.optionalBoolean("cancel_at_period_end");
            body.optionalString("customer_cancellation_reason");
            body.optionalString("customer_cancellation_comment", 10_000);
            body.forbidOtherFields(
                    Set.of("cancel_at_period_end", "customer_cancellation_reason", "customer_cancellation_comment"));
            body.check();
            return new SubscriptionUpdate(cancel, Optional.empty(), false, Optional.empty(), Optional.empty());
        }
        boolean nextPeriod = body.optionalEnum("proration_behavior", PRORATION)
                .filter("next_period"::equals)
                .isPresent();
        // With next_period a null count cancels the pending change; otherwise the count is required.
        Optional<Long> seats = nextPeriod
                ? body.optionalLongBetween("seats", 1, JsonBody.INT32_MAX)
                : Optional.ofNullable(body.requiredLongBetween("seats", 1, JsonBody.INT32_MAX));
        var releaseSeatIds = body.optionalStringList("release_seat_ids").map(texts -> ids(body, texts));
        var releaseStrategy = body.optionalEnum("release_strategy", STRATEGIES);
        body.forbidOtherFields(Set.of("seats", "proration_behavior", "release_seat_ids", "release_strategy"));
        body.check();
        return new SubscriptionUpdate(
                Optional.empty(), seats.map(Math::toIntExact), nextPeriod, releaseSeatIds, releaseStrategy);
    }

    private static List<UUID> ids(JsonBody body, List<String> texts) {
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            var id = Ids.tryParse(text);
            if (id.isPresent()) {
                ids.add(id.get());
            } else {
                body.rejectItem("release_seat_ids", i, "uuid_parsing", "Input should be a valid UUID", text);
            }
        }
        return List.copyOf(ids);
    }
}

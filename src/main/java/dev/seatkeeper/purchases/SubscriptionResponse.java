package dev.seatkeeper.purchases;

import dev.seatkeeper.catalog.ProductResponse;
import dev.seatkeeper.customers.CustomerResponse;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Polar's Subscription; {@code pending_update} is a seat change waiting for the period end. Trials, meters, discounts
 * and pauses are not implemented: null or empty;
 * {@code units} (Polar's SDK 1.x, unit-based pricing) is null.
 */
public record SubscriptionResponse(
        OffsetDateTime createdAt,
        OffsetDateTime modifiedAt,
        UUID id,
        long amount,
        String currency,
        String recurringInterval,
        int recurringIntervalCount,
        String status,
        OffsetDateTime currentPeriodStart,
        OffsetDateTime currentPeriodEnd,
        OffsetDateTime currentMeterPeriodStart,
        OffsetDateTime currentMeterPeriodEnd,
        OffsetDateTime trialStart,
        OffsetDateTime trialEnd,
        boolean cancelAtPeriodEnd,
        OffsetDateTime canceledAt,
        OffsetDateTime startedAt,
        OffsetDateTime endsAt,
        OffsetDateTime endedAt,
        boolean pauseAtPeriodEnd,
        OffsetDateTime pausedAt,
        OffsetDateTime resumesAt,
        UUID customerId,
        UUID productId,
        UUID discountId,
        UUID checkoutId,
        int seats,
        Integer units,
        String customerCancellationReason,
        String customerCancellationComment,
        JsonObject metadata,
        JsonObject customFieldData,
        CustomerResponse customer,
        ProductResponse product,
        Object discount,
        List<ProductResponse.PriceResponse> prices,
        List<Object> meters,
        PendingUpdateResponse pendingUpdate) {

    public static SubscriptionResponse of(Subscription s) {
        return new SubscriptionResponse(
                s.createdAt(),
                s.modifiedAt(),
                s.id(),
                s.amount(),
                s.currency(),
                s.recurringInterval(),
                1,
                s.status(),
                s.currentPeriodStart(),
                s.currentPeriodEnd(),
                null,
                null,
                null,
                null,
                s.cancelAtPeriodEnd(),
                s.canceledAt(),
                s.startedAt(),
                s.endsAt(),
                s.endedAt(),
                false,
                null,
                null,
                s.customer().id(),
                s.product().id(),
                null,
                null,
                s.seats(),
                // Declared by Polar's SDK 1.x for unit-based subscriptions; seat-based ones have none.
                null,
                null,
                null,
                s.metadata(),
                JsonObject.EMPTY_JSON_OBJECT,
                CustomerResponse.of(s.customer()),
                ProductResponse.of(s.product()),
                null,
                ProductResponse.prices(s.product()),
                List.of(),
                PendingUpdateResponse.of(s));
    }
}

package dev.seatkeeper.purchases;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Polar's PendingSubscriptionUpdate: the seat count a subscription takes at {@code applies_at} (its period end); the
 * product never changes here ({@code product_id} null).
 */
public record PendingUpdateResponse(
        OffsetDateTime createdAt,
        OffsetDateTime modifiedAt,
        UUID id,
        OffsetDateTime appliesAt,
        UUID productId,
        Integer seats) {

    /** The subscription's pending change, or {@code null} when none is pending. */
    public static PendingUpdateResponse of(Subscription s) {
        if (!s.hasPendingUpdate()) {
            return null;
        }
        return new PendingUpdateResponse(
                s.pendingUpdateCreatedAt(),
                s.pendingUpdateCreatedAt(),
                s.pendingUpdateId(),
                s.currentPeriodEnd(),
                null,
                s.pendingSeats());
    }
}

package dev.seatkeeper.customers;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Polar's Customer (also its SubscriptionCustomer and OrderCustomer, which have the same keys), with
 * {@code first_user_event_at} that Polar's SDK 1.x declares (always null: no usage events are ingested).
 */
public record CustomerResponse(
        UUID id,
        OffsetDateTime createdAt,
        OffsetDateTime modifiedAt,
        JsonObject metadata,
        String externalId,
        String email,
        boolean emailVerified,
        String type,
        String name,
        String billingName,
        Object billingAddress,
        List<String> taxId,
        String locale,
        UUID organizationId,
        UUID defaultPaymentMethodId,
        OffsetDateTime deletedAt,
        String avatarUrl,
        OffsetDateTime firstUserEventAt) {

    public static CustomerResponse of(Customer c) {
        return new CustomerResponse(
                c.id(),
                c.createdAt(),
                c.modifiedAt(),
                c.metadata(),
                c.externalId(),
                c.email(),
                false,
                c.type(),
                c.name(),
                null,
                null,
                null,
                null,
                c.organizationId(),
                null,
                null,
                null,
                // Declared by Polar's SDK 1.x: the first usage event ingested; this service ingests none.
                null);
    }
}

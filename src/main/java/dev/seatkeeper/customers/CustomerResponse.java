package dev.seatkeeper.customers;

import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Polar's Customer (also its SubscriptionCustomer and OrderCustomer, which have the same keys). */
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
        String avatarUrl) {

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
                null);
    }
}

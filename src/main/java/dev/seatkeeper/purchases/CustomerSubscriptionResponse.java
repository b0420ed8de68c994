package dev.seatkeeper.purchases;

import dev.seatkeeper.catalog.ProductResponse;
import dev.seatkeeper.organizations.Organization;
import dev.seatkeeper.organizations.OrganizationResponse.CustomerOrganization;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Polar's CustomerSubscription: a subscription as the portal shows it, with its product and organization. */
public record CustomerSubscriptionResponse(
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
        String customerCancellationReason,
        String customerCancellationComment,
        PortalProduct product,
        List<ProductResponse.PriceResponse> prices,
        List<Object> meters,
        Object pendingUpdate) {

    /** Polar's CustomerSubscriptionProduct. */
    public record PortalProduct(
            UUID id,
            OffsetDateTime createdAt,
            OffsetDateTime modifiedAt,
            String trialInterval,
            Integer trialIntervalCount,
            String name,
            String description,
            String visibility,
            String recurringInterval,
            Integer recurringIntervalCount,
            String meterInterval,
            Integer meterIntervalCount,
            @JsonbProperty("is_recurring") boolean recurring,
            @JsonbProperty("is_archived") boolean archived,
            UUID organizationId,
            List<ProductResponse.PriceResponse> prices,
            List<Object> benefits,
            List<Object> medias,
            CustomerOrganization organization) {}

    public static CustomerSubscriptionResponse of(Subscription s, Organization organization) {
        var p = ProductResponse.of(s.product());
        var product = new PortalProduct(
                p.id(),
                p.createdAt(),
                p.modifiedAt(),
                null,
                null,
                p.name(),
                p.description(),
                p.visibility(),
                p.recurringInterval(),
                p.recurringIntervalCount(),
                null,
                null,
                p.recurring(),
                p.archived(),
                p.organizationId(),
                p.prices(),
                List.of(),
                List.of(),
                CustomerOrganization.of(organization));
        return new CustomerSubscriptionResponse(
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
                false,
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
                null,
                null,
                product,
                p.prices(),
                List.of(),
                null);
    }
}

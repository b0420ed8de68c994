package dev.seatkeeper.purchases;

import dev.seatkeeper.catalog.Product;
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
        Integer units,
        String customerCancellationReason,
        String customerCancellationComment,
        PortalProduct product,
        List<ProductResponse.PriceResponse> prices,
        List<Object> meters,
        PendingUpdateResponse pendingUpdate) {

    /** Polar's CustomerSubscriptionProduct (and CustomerOrderProduct, which has the same fields). */
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
            CustomerOrganization organization) {

        /**
         * The product as the portal shows it, with its organization. Polar's CustomerOrderProduct has the same
         * fields, so orders in the portal use it too.
         */
        public static PortalProduct of(Product product, Organization organization) {
            var p = ProductResponse.of(product);
            return new PortalProduct(
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
        }
    }

    /**
     * A subscription of the portal user's customer, with its product; {@code organization} is the product's
     * organization (every subscription of one customer belongs to it).
     */
    public static CustomerSubscriptionResponse of(Subscription s, Organization organization) {
        var product = PortalProduct.of(s.product(), organization);
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
                // Declared by Polar's SDK 1.x for unit-based pricing; seat-based purchases have none.
                null,
                null,
                null,
                product,
                product.prices(),
                List.of(),
                PendingUpdateResponse.of(s));
    }
}

package dev.seatkeeper.purchases;

import dev.seatkeeper.organizations.Organization;
import dev.seatkeeper.purchases.CustomerSubscriptionResponse.PortalProduct;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Polar's CustomerOrder: an order as the customer portal shows it. The amounts and line are those of
 * {@link OrderResponse} (one item, no tax, no discount, no refunds); unlike the organization's Order it carries no
 * metadata, platform fee or customer, and its product names its organization.
 */
public record CustomerOrderResponse(
        UUID id,
        OffsetDateTime createdAt,
        OffsetDateTime modifiedAt,
        String status,
        boolean paid,
        long subtotalAmount,
        long discountAmount,
        long netAmount,
        long taxAmount,
        long totalAmount,
        long appliedBalanceAmount,
        long dueAmount,
        long refundedAmount,
        long refundedTaxAmount,
        String currency,
        String billingReason,
        String billingName,
        Object billingAddress,
        String invoiceNumber,
        boolean isInvoiceGenerated,
        String receiptNumber,
        int seats,
        Integer units,
        UUID customerId,
        UUID productId,
        UUID discountId,
        UUID subscriptionId,
        UUID checkoutId,
        PortalProduct product,
        Object subscription,
        List<OrderResponse.Item> items,
        String description,
        long refundableAmount,
        long refundableTaxAmount) {

    /**
     * An order of the portal user's customer; {@code organization} is the product's organization. Orders here are
     * one-time seat purchases, so {@code subscription} is always null.
     */
    public static CustomerOrderResponse of(Order o, Organization organization) {
        long amount = o.amount();
        return new CustomerOrderResponse(
                o.id(),
                o.createdAt(),
                o.modifiedAt(),
                o.status(),
                o.isPaid(),
                amount,
                0,
                amount,
                0,
                amount,
                0,
                o.isPaid() ? 0 : amount,
                0,
                0,
                o.currency(),
                "purchase",
                null,
                null,
                null,
                false,
                null,
                o.seats(),
                // Declared by Polar's SDK 1.x for unit-based pricing; seat-based purchases have none.
                null,
                o.customer().id(),
                o.product().id(),
                null,
                null,
                null,
                PortalProduct.of(o.product(), organization),
                null,
                List.of(OrderResponse.item(o)),
                o.product().name(),
                o.isPaid() ? amount : 0,
                0);
    }
}

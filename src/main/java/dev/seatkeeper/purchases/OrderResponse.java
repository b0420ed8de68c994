package dev.seatkeeper.purchases;

import dev.seatkeeper.catalog.ProductResponse;
import dev.seatkeeper.customers.CustomerResponse;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Polar's Order for a one-time seat purchase: one item, no tax, no discount, no refunds; {@code units} (Polar's SDK
 * 1.x, unit-based pricing) is null.
 */
public record OrderResponse(
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
        JsonObject metadata,
        JsonObject customFieldData,
        long platformFeeAmount,
        String platformFeeCurrency,
        CustomerResponse customer,
        ProductResponse product,
        Object discount,
        Object subscription,
        List<Item> items,
        String description,
        long refundableAmount,
        long refundableTaxAmount) {

    public record Item(
            OffsetDateTime createdAt,
            OffsetDateTime modifiedAt,
            UUID id,
            String label,
            long amount,
            long taxAmount,
            boolean proration,
            UUID productPriceId) {}

    /** The order's one line: its seats at the product's price, untaxed. */
    static Item item(Order o) {
        return new Item(
                o.createdAt(),
                o.modifiedAt(),
                o.id(),
                o.product().name() + " (" + o.seats() + " seats)",
                o.amount(),
                0,
                false,
                o.product().priceId());
    }

    public static OrderResponse of(Order o) {
        long amount = o.amount();
        var item = item(o);
        return new OrderResponse(
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
                // Declared by Polar's SDK 1.x for unit-based pricing; seat-based orders have none.
                null,
                o.customer().id(),
                o.product().id(),
                null,
                null,
                null,
                o.metadata(),
                JsonObject.EMPTY_JSON_OBJECT,
                0,
                null,
                CustomerResponse.of(o.customer()),
                ProductResponse.of(o.product()),
                null,
                null,
                List.of(item),
                o.product().name(),
                o.isPaid() ? amount : 0,
                0);
    }
}

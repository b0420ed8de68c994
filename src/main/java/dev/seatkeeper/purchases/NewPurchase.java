package dev.seatkeeper.purchases;

import dev.seatkeeper.platform.JsonBody;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.UUID;

/** What a subscription or order is created from: the buyer (by id or external id), the product and the seats. */
public record NewPurchase(
        Optional<UUID> customerId,
        Optional<String> externalCustomerId,
        UUID productId,
        Optional<Long> seats,
        JsonObject metadata) {

    /** Reads the body fields subscriptions and orders share; the caller adds its own and then checks the body. */
    public static NewPurchase read(JsonBody body) {
        var productId = body.requiredUuid("product_id");
        var customerId = body.optionalUuid("customer_id");
        var externalCustomerId = body.optionalString("external_customer_id");
        if (!body.has("customer_id") && !body.has("external_customer_id")) {
            body.reject("customer_id", "missing", "Field required");
        }
        var seats = body.optionalLongBetween("seats", 1, JsonBody.INT32_MAX);
        var metadata = body.optionalMetadata("metadata").orElse(JsonObject.EMPTY_JSON_OBJECT);
        return new NewPurchase(customerId, externalCustomerId, productId, seats, metadata);
    }
}

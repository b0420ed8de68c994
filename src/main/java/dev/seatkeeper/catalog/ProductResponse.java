package dev.seatkeeper.catalog;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Polar's Product with its seat-based price. Benefits, media and custom fields are not implemented: empty lists.
 * {@code is_deletable} (declared by Polar's SDK 1.x) is always false: products cannot be deleted here.
 */
public record ProductResponse(
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
        @JsonbProperty("is_deletable") boolean deletable,
        UUID organizationId,
        JsonObject metadata,
        List<PriceResponse> prices,
        List<Object> benefits,
        List<Object> medias,
        List<Object> attachedCustomFields) {

    /** Polar's ProductPriceSeatBased. */
    public record PriceResponse(
            OffsetDateTime createdAt,
            OffsetDateTime modifiedAt,
            UUID id,
            String source,
            String amountType,
            String priceCurrency,
            String taxBehavior,
            @JsonbProperty("is_archived") boolean archived,
            UUID productId,
            SeatTiers seatTiers) {}

    public record SeatTiers(String seatTierType, List<Tier> tiers, long minimumSeats, Long maximumSeats) {}

    public record Tier(long minSeats, Long maxSeats, long pricePerSeat) {}

    public static ProductResponse of(Product p) {
        return new ProductResponse(
                p.id(),
                p.createdAt(),
                p.modifiedAt(),
                null,
                null,
                p.name(),
                p.description(),
                "public",
                p.recurringInterval(),
                p.isRecurring() ? 1 : null,
                null,
                null,
                p.isRecurring(),
                p.archived(),
                // Declared by Polar's SDK 1.x models; this service has no product delete, so none can be deleted.
                false,
                p.organizationId(),
                p.metadata(),
                prices(p),
                List.of(),
                List.of(),
                List.of());
    }

    public static List<PriceResponse> prices(Product p) {
        var tiers = p.seatTiers();
        long minimum = tiers.stream().mapToLong(SeatTier::minSeats).min().orElse(1);
        Long maximum = tiers.stream().anyMatch(t -> t.maxSeats() == null)
                ? null
                : tiers.stream().mapToLong(SeatTier::maxSeats).max().orElse(minimum);
        var seatTiers = new SeatTiers(
                "volume",
                tiers.stream()
                        .map(t -> new Tier(t.minSeats(), t.maxSeats(), t.pricePerSeat()))
                        .toList(),
                minimum,
                maximum);
        return List.of(new PriceResponse(
                p.createdAt(),
                p.modifiedAt(),
                p.priceId(),
                "catalog",
                "seat_based",
                p.priceCurrency(),
                null,
                false,
                p.id(),
                seatTiers));
    }
}

package dev.seatkeeper.catalog;

import dev.seatkeeper.platform.BaseEntity;
import dev.seatkeeper.platform.JsonText;
import dev.seatkeeper.platform.Jsonp;
import dev.seatkeeper.platform.Randomness;
import dev.seatkeeper.platform.Timestamps;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A product with its one seat-based price. The price lives in the product's row: a product is always read
 * with its price, and seat-based products have exactly one.
 */
@Entity
@Table(
        name = "products",
        indexes = @Index(name = "ix_products_organization_created", columnList = "organization_id, created_at"))
public class Product extends BaseEntity {
    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(nullable = false, length = 256)
    private String name;

    @Column(length = 8000)
    private String description;
    /** {@code month}, {@code year}, or null for a one-time product. */
    @Column(name = "recurring_interval", length = 16)
    private String recurringInterval;

    @Column(name = "is_archived", nullable = false)
    private boolean archived;
    /** JSON text; 50 keys of 40 characters with values of 500 fit. */
    @Column(nullable = false, length = 32000)
    private String metadata;

    @Column(name = "price_id", nullable = false)
    private UUID priceId;

    @Column(name = "price_currency", nullable = false, length = 3)
    private String priceCurrency;

    @Column(name = "seat_tiers", nullable = false, length = 4000)
    private String seatTiers;

    protected Product() {}

    public Product(
            UUID organizationId,
            String name,
            String description,
            String recurringInterval,
            JsonObject metadata,
            String priceCurrency,
            List<SeatTier> tiers) {
        super(Timestamps.now());
        this.organizationId = organizationId;
        this.name = name;
        this.description = description;
        this.recurringInterval = recurringInterval;
        this.metadata = JsonText.text(metadata);
        this.priceId = Randomness.newId();
        this.priceCurrency = priceCurrency;
        JsonArrayBuilder array = Jsonp.PROVIDER.createArrayBuilder();
        for (SeatTier t : tiers) {
            var tier = Jsonp.PROVIDER
                    .createObjectBuilder()
                    .add("min_seats", t.minSeats())
                    .add("price_per_seat", t.pricePerSeat());
            if (t.maxSeats() == null) {
                tier.addNull("max_seats");
            } else {
                tier.add("max_seats", t.maxSeats());
            }
            array.add(tier);
        }
        this.seatTiers = array.build().toString();
    }

    public List<SeatTier> seatTiers() {
        try (var reader = Jsonp.PROVIDER.createReader(new StringReader(seatTiers))) {
            return reader.readArray().stream()
                    .map(JsonValue::asJsonObject)
                    .map(t -> new SeatTier(
                            t.getJsonNumber("min_seats").longValue(),
                            t.isNull("max_seats")
                                    ? null
                                    : t.getJsonNumber("max_seats").longValue(),
                            t.getJsonNumber("price_per_seat").longValue()))
                    .toList();
        }
    }

    /** The tier a number of seats falls in, if the product allows that many. */
    public Optional<SeatTier> tierFor(long seats) {
        return seatTiers().stream().filter(t -> t.contains(seats)).findFirst();
    }

    public boolean isRecurring() {
        return recurringInterval != null;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String recurringInterval() {
        return recurringInterval;
    }

    public boolean archived() {
        return archived;
    }

    public JsonObject metadata() {
        return JsonText.object(metadata);
    }

    public UUID priceId() {
        return priceId;
    }

    public String priceCurrency() {
        return priceCurrency;
    }
}

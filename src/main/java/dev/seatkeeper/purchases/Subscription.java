package dev.seatkeeper.purchases;

import dev.seatkeeper.catalog.Product;
import dev.seatkeeper.customers.Customer;
import dev.seatkeeper.platform.JsonText;
import dev.seatkeeper.platform.Timestamps;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "subscriptions", indexes = {
        @Index(name = "ix_subscriptions_organization_created", columnList = "organization_id, created_at"),
        @Index(name = "ix_subscriptions_customer", columnList = "customer_id")})
public class Subscription implements SeatContainer {
    public static final String ACTIVE = "active";
    public static final String CANCELED = "canceled";

    @Id
    private UUID id;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "modified_at")
    private OffsetDateTime modifiedAt;
    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;
    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    private Customer customer;
    @ManyToOne(optional = false)
    @JoinColumn(name = "product_id", nullable = false)
    private Product product;
    @Column(nullable = false, length = 32)
    private String status;
    @Column(nullable = false)
    private int seats;
    @Column(nullable = false)
    private long amount;
    @Column(nullable = false, length = 3)
    private String currency;
    @Column(name = "recurring_interval", nullable = false, length = 16)
    private String recurringInterval;
    @Column(name = "current_period_start", nullable = false)
    private OffsetDateTime currentPeriodStart;
    @Column(name = "current_period_end")
    private OffsetDateTime currentPeriodEnd;
    @Column(name = "started_at")
    private OffsetDateTime startedAt;
    @Column(name = "canceled_at")
    private OffsetDateTime canceledAt;
    @Column(name = "ends_at")
    private OffsetDateTime endsAt;
    @Column(name = "ended_at")
    private OffsetDateTime endedAt;
    @Column(nullable = false, length = 8000)
    private String metadata;

    protected Subscription() {
    }

    public Subscription(Customer customer, Product product, int seats, long amount, JsonObject metadata) {
        this.id = UUID.randomUUID();
        this.createdAt = Timestamps.now();
        this.organizationId = customer.organizationId();
        this.customer = customer;
        this.product = product;
        this.status = ACTIVE;
        this.seats = seats;
        this.amount = amount;
        this.currency = product.priceCurrency();
        this.recurringInterval = product.recurringInterval();
        this.currentPeriodStart = createdAt;
        this.currentPeriodEnd = "year".equals(recurringInterval) ? createdAt.plusYears(1) : createdAt.plusMonths(1);
        this.startedAt = createdAt;
        this.metadata = JsonText.text(metadata);
    }

    public void changeSeats(int seats, long amount) {
        this.seats = seats;
        this.amount = amount;
        this.modifiedAt = Timestamps.now();
    }

    /** Ends the subscription now; revoking it twice changes nothing the second time. */
    public void revoke() {
        if (CANCELED.equals(status)) {
            return;
        }
        var now = Timestamps.now();
        this.status = CANCELED;
        this.canceledAt = now;
        this.endsAt = now;
        this.endedAt = now;
        this.modifiedAt = now;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    @Override
    public UUID id() {
        return id;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime modifiedAt() {
        return modifiedAt;
    }

    @Override
    public UUID organizationId() {
        return organizationId;
    }

    @Override
    public Customer customer() {
        return customer;
    }

    @Override
    public Product product() {
        return product;
    }

    public String status() {
        return status;
    }

    @Override
    public int seats() {
        return seats;
    }

    public long amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public String recurringInterval() {
        return recurringInterval;
    }

    public OffsetDateTime currentPeriodStart() {
        return currentPeriodStart;
    }

    public OffsetDateTime currentPeriodEnd() {
        return currentPeriodEnd;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public OffsetDateTime canceledAt() {
        return canceledAt;
    }

    public OffsetDateTime endsAt() {
        return endsAt;
    }

    public OffsetDateTime endedAt() {
        return endedAt;
    }

    public JsonObject metadata() {
        return JsonText.object(metadata);
    }
}

package dev.seatkeeper.purchases;

import dev.seatkeeper.catalog.Product;
import dev.seatkeeper.customers.Customer;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

@Entity
@Table(
        name = "subscriptions",
        indexes = {
            @Index(name = "ix_subscriptions_organization_created", columnList = "organization_id, created_at"),
            @Index(name = "ix_subscriptions_customer", columnList = "customer_id")
        })
public class Subscription extends Purchase {
    public static final String ACTIVE = "active";
    public static final String CANCELED = "canceled";

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

    protected Subscription() {}

    public Subscription(Customer customer, Product product, int seats, long amount, JsonObject metadata) {
        super(customer, product, seats, amount, ACTIVE, metadata);
        this.recurringInterval = product.recurringInterval();
        this.currentPeriodStart = createdAt();
        this.currentPeriodEnd = "year".equals(recurringInterval)
                ? createdAt().plusYears(1)
                : createdAt().plusMonths(1);
        this.startedAt = createdAt();
    }

    /** Ends the subscription now; revoking it twice changes nothing the second time. */
    public void revoke() {
        if (!isActive()) {
            return;
        }
        changeStatus(CANCELED);
        this.canceledAt = modifiedAt();
        this.endsAt = modifiedAt();
        this.endedAt = modifiedAt();
    }

    public boolean isActive() {
        return ACTIVE.equals(status());
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
}

package dev.seatkeeper.purchases;

import dev.seatkeeper.catalog.Product;
import dev.seatkeeper.customers.Customer;
import dev.seatkeeper.platform.Randomness;
import dev.seatkeeper.platform.Timestamps;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A recurring purchase of seats. Its period rolls forward at {@code current_period_end} (contract, "The period
 * clock", {@link SubscriptionRoller}), applying then the pending seat change and {@code cancel_at_period_end}.
 */
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

    @Column(name = "cancel_at_period_end", nullable = false)
    private boolean cancelAtPeriodEnd;
    /**
     * The pending seat change (Polar's PendingSubscriptionUpdate): its id is set exactly when one is pending. Text:
     * EclipseLink's UUID converter fails on a null UUID column.
     */
    @Column(name = "pending_update_id", length = 36)
    private String pendingUpdateId;

    @Column(name = "pending_update_created_at")
    private OffsetDateTime pendingUpdateCreatedAt;

    @Column(name = "pending_seats")
    private Integer pendingSeats;
    /** How the leavers are chosen at the roll when the decrease named none ({@code pending_first}, ...). */
    @Column(name = "pending_release_strategy", length = 32)
    private String pendingReleaseStrategy;

    protected Subscription() {}

    /**
     * A new active subscription, started now. Its first period ends {@code periodEnd} when given (contract, "The period
     * clock": tests and imports may set it, in the past too; the period then started one interval before it), else
     * one interval from now.
     */
    public Subscription(
            Customer customer, Product product, int seats, long amount, JsonObject metadata, OffsetDateTime periodEnd) {
        super(customer, product, seats, amount, ACTIVE, metadata);
        this.recurringInterval = product.recurringInterval();
        if (periodEnd == null) {
            this.currentPeriodStart = createdAt();
            this.currentPeriodEnd = after(createdAt());
        } else {
            this.currentPeriodEnd = periodEnd;
            this.currentPeriodStart =
                    "year".equals(recurringInterval) ? periodEnd.minusYears(1) : periodEnd.minusMonths(1);
        }
        this.startedAt = createdAt();
    }

    /** One recurring interval after {@code instant}: a month, or a year. */
    private OffsetDateTime after(OffsetDateTime instant) {
        return "year".equals(recurringInterval) ? instant.plusYears(1) : instant.plusMonths(1);
    }

    /** Whether the current period has ended at {@code now}, so the period clock rolls it (an active subscription). */
    public boolean periodEndedAt(OffsetDateTime now) {
        return isActive() && currentPeriodEnd != null && !currentPeriodEnd.isAfter(now);
    }

    /** The next period starts where this one ended and lasts one interval. */
    void roll() {
        this.currentPeriodStart = currentPeriodEnd;
        this.currentPeriodEnd = after(currentPeriodEnd);
        touch();
    }

    /**
     * {@code cancel_at_period_end} (Polar's SubscriptionCancel): {@code true} ends the subscription at the roll
     * ({@code canceled_at} now, {@code ends_at} the period end), {@code false} takes that back.
     */
    void cancelAtPeriodEnd(boolean cancel) {
        if (cancel == cancelAtPeriodEnd) {
            return;
        }
        this.cancelAtPeriodEnd = cancel;
        this.canceledAt = cancel ? Timestamps.now() : null;
        this.endsAt = cancel ? currentPeriodEnd : null;
        touch();
    }

    /** Ends the subscription at the roll of the period that ended at {@code end}: canceled, ended then. */
    void endAtPeriodEnd(OffsetDateTime end) {
        changeStatus(CANCELED);
        if (canceledAt == null) {
            this.canceledAt = end;
        }
        this.endsAt = end;
        this.endedAt = end;
    }

    /** A new pending seat change, replacing any earlier one, applied at the period end. */
    void schedulePendingUpdate(int seats, String releaseStrategy) {
        this.pendingUpdateId = Randomness.newId().toString();
        this.pendingUpdateCreatedAt = Timestamps.now();
        this.pendingSeats = seats;
        this.pendingReleaseStrategy = releaseStrategy;
        touch();
    }

    /** No seat change is pending any more. */
    void clearPendingUpdate() {
        if (pendingUpdateId == null) {
            return;
        }
        this.pendingUpdateId = null;
        this.pendingUpdateCreatedAt = null;
        this.pendingSeats = null;
        this.pendingReleaseStrategy = null;
        touch();
    }

    public boolean cancelAtPeriodEnd() {
        return cancelAtPeriodEnd;
    }

    public boolean hasPendingUpdate() {
        return pendingUpdateId != null;
    }

    public UUID pendingUpdateId() {
        return pendingUpdateId == null ? null : UUID.fromString(pendingUpdateId);
    }

    public OffsetDateTime pendingUpdateCreatedAt() {
        return pendingUpdateCreatedAt;
    }

    /** The seat count the pending change sets; {@code null} when none is pending. */
    public Integer pendingSeats() {
        return pendingSeats;
    }

    /** The release strategy of the pending change; {@code null} when it named its leavers, or none is needed. */
    public String pendingReleaseStrategy() {
        return pendingReleaseStrategy;
    }

    /** Ends the subscription now; revoking it twice changes nothing the second time. */
    public void revoke() {
        if (!isActive()) {
            return;
        }
        clearPendingUpdate();
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

package dev.seatkeeper.seats;

import dev.seatkeeper.customers.Customer;
import dev.seatkeeper.customers.Member;
import dev.seatkeeper.platform.JsonText;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.purchases.Order;
import dev.seatkeeper.purchases.Subscription;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One seat of a subscription or an order. A revoked seat is kept as history and never reused:
 * a later assignment makes a new row.
 */
@Entity
@Table(name = "customer_seats", indexes = {
        @Index(name = "ix_seats_invitation_token_hash", columnList = "invitation_token_hash", unique = true),
        @Index(name = "ix_seats_subscription_status", columnList = "subscription_id, status"),
        @Index(name = "ix_seats_order_status", columnList = "order_id, status"),
        @Index(name = "ix_seats_member_status", columnList = "member_id, status"),
        @Index(name = "ix_seats_customer_status", columnList = "customer_id, status")})
public class CustomerSeat {
    @Id
    private UUID id;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "modified_at")
    private OffsetDateTime modifiedAt;
    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "subscription_id")
    private Subscription subscription;
    /** Not named "order": that is a reserved word in JPQL. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id")
    private Order oneTimeOrder;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SeatStatus status;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "customer_id")
    private Customer customer;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    private Member member;
    @Column(length = 320)
    private String email;
    @Column(name = "invitation_token_hash", length = 64)
    private String invitationTokenHash;
    @Column(name = "invitation_token_expires_at")
    private OffsetDateTime invitationTokenExpiresAt;
    @Column(name = "claimed_at")
    private OffsetDateTime claimedAt;
    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;
    @Column(name = "seat_metadata", length = 2000)
    private String seatMetadata;

    protected CustomerSeat() {
    }

    CustomerSeat(UUID organizationId, Subscription subscription, Order order, Customer customer, Member member,
                 String email, JsonObject seatMetadata) {
        this.id = UUID.randomUUID();
        this.createdAt = Timestamps.now();
        this.organizationId = organizationId;
        this.subscription = subscription;
        this.oneTimeOrder = order;
        this.status = SeatStatus.PENDING;
        this.customer = customer;
        this.member = member;
        this.email = email;
        this.seatMetadata = seatMetadata == null ? null : JsonText.text(seatMetadata);
    }

    public UUID id() {
        return id;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime modifiedAt() {
        return modifiedAt;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public Subscription subscription() {
        return subscription;
    }

    public Order order() {
        return oneTimeOrder;
    }

    public SeatStatus status() {
        return status;
    }

    public Customer customer() {
        return customer;
    }

    public Member member() {
        return member;
    }

    public String email() {
        return email;
    }

    public OffsetDateTime invitationTokenExpiresAt() {
        return invitationTokenExpiresAt;
    }

    public OffsetDateTime claimedAt() {
        return claimedAt;
    }

    public OffsetDateTime revokedAt() {
        return revokedAt;
    }

    public JsonObject seatMetadata() {
        return seatMetadata == null ? null : JsonText.object(seatMetadata);
    }
}

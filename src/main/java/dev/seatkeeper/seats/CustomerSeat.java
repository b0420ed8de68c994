package dev.seatkeeper.seats;

import dev.seatkeeper.customers.Customer;
import dev.seatkeeper.customers.EmailAddress;
import dev.seatkeeper.customers.Member;
import dev.seatkeeper.organizations.Organization;
import dev.seatkeeper.platform.BaseEntity;
import dev.seatkeeper.platform.JsonText;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.purchases.Order;
import dev.seatkeeper.purchases.SeatContainer;
import dev.seatkeeper.purchases.Subscription;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One seat of a subscription or an order: pending (invited), claimed, or revoked. A revoked seat is kept as
 * history and never reused: a later assignment makes a new row.
 */
@Entity
@Table(
        name = "customer_seats",
        indexes = {
            @Index(name = "ix_seats_invitation_token_hash", columnList = "invitation_token_hash", unique = true),
            @Index(name = "ix_seats_subscription_status", columnList = "subscription_id, status"),
            @Index(name = "ix_seats_order_status", columnList = "order_id, status"),
            @Index(name = "ix_seats_subscription_email", columnList = "subscription_id, email_key"),
            @Index(name = "ix_seats_order_email", columnList = "order_id, email_key"),
            @Index(name = "ix_seats_member_status", columnList = "member_id, status"),
            @Index(name = "ix_seats_customer_status", columnList = "customer_id, status")
        })
// A seat with everything a seat operation reads of it, in one query: its container with the container's customer and
// product, its holder, and its organization. Loaded one relation at a time (as em.find does), a claim read the
// database six times; read on its own, through OrganizationService, the organization was a fifth of a claim-info
// request's CPU in a profile of the benchmark's load (bench/), and one statement more in each claim and revoke.
// EclipseLink (Payara) does not follow a fetch join through the alias of another (sub.product): it read the
// container's product in a statement of its own, one round trip more in every claim info, claim and revoke on
// PostgreSQL (its statement log). Its left-join-fetch hints name the product's paths; Hibernate (WildFly) follows the
// aliases and ignores the hints. The container's customer has no hint: with one, EclipseLink 4.0 left it null when
// the seat's own customer was the same row, as it is in the member model, where the persistence context already
// holds it from s.customer; in the legacy model it is read by a statement of its own.
@NamedQuery(
        name = "CustomerSeat.invitationByTokenHash",
        query = "select s" + CustomerSeat.FROM_WITH_CONTAINER + " where s.invitationTokenHash = :hash",
        hints = {
            @QueryHint(name = CustomerSeat.LEFT_FETCH, value = "s.subscription.product"),
            @QueryHint(name = CustomerSeat.LEFT_FETCH, value = "s.oneTimeOrder.product")
        })
@NamedQuery(
        name = "CustomerSeat.withContainer",
        query = "select s" + CustomerSeat.FROM_WITH_CONTAINER + " where s.id = :id",
        hints = {
            @QueryHint(name = CustomerSeat.LEFT_FETCH, value = "s.subscription.product"),
            @QueryHint(name = CustomerSeat.LEFT_FETCH, value = "s.oneTimeOrder.product")
        })
public class CustomerSeat extends BaseEntity {
    static final String FROM_WITH_CONTAINER = " from CustomerSeat s left join fetch s.subscription sub"
            + " left join fetch sub.customer left join fetch sub.product left join fetch s.oneTimeOrder o"
            + " left join fetch o.customer left join fetch o.product left join fetch s.member left join fetch s.customer"
            + " left join fetch s.activity join fetch s.organization";
    /** EclipseLink's query hint for a nested outer fetch join ({@code eclipselink.left-join-fetch}). */
    static final String LEFT_FETCH = "eclipselink.left-join-fetch";

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;
    /**
     * The same column as a relation, read-only: {@link #FROM_WITH_CONTAINER} fetches it with the seat, so that the
     * organization check every seat operation makes next reads nothing more, and no call to another bean either
     * ({@code OrganizationService.get}: 7 of 269 samples of a JFR recording of claims). Not set on a seat made in
     * this transaction.
     */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id", insertable = false, updatable = false)
    private Organization organization;

    @ManyToOne
    @JoinColumn(name = "subscription_id")
    private Subscription subscription;
    /** Not named "order": that is a reserved word in JPQL. */
    @ManyToOne
    @JoinColumn(name = "order_id")
    private Order oneTimeOrder;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SeatStatus status;
    /** The billing customer in the member model; the seat holder's own customer in the legacy model. */
    @ManyToOne
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @ManyToOne
    @JoinColumn(name = "member_id")
    private Member member;
    /** The address invited, when the seat names one; its key serves the one-seat-per-person check. */
    @Embedded
    private EmailAddress email;

    @Column(name = "invitation_token_hash", length = 64)
    private String invitationTokenHash;

    @Column(name = "invitation_token_expires_at")
    private OffsetDateTime invitationTokenExpiresAt;

    @Column(name = "claimed_at")
    private OffsetDateTime claimedAt;
    /**
     * {@code claimedAt} when the seat was claimed with an invitation, {@code null} otherwise: the claims the metrics'
     * median time to claim counts, read by an index of their own without the immediate claims.
     */
    @Column(name = "invitation_claimed_at")
    private OffsetDateTime invitationClaimedAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "seat_metadata", length = 2000)
    private String seatMetadata;
    /** When a pending or claimed seat is to be revoked; {@code null} when nothing is scheduled. */
    @Column(name = "revokes_at")
    private OffsetDateTime revokesAt;
    /** Why it is scheduled ({@link ScheduledRevocation}); set exactly when {@code revokesAt} is. */
    @Column(name = "revokes_reason", length = 16)
    private String revokesReason;
    /** Why a revoked seat was revoked ({@link RevocationReason}); {@code null} while it is not. */
    @Column(name = "revocation_reason", length = 32)
    private String revocationReason;
    /**
     * The last activity reported, {@code null} until one is. Its own row (the key is the seat's id), loaded when
     * first asked for unless the query fetched it ({@link #FROM_WITH_CONTAINER} does): neither creating a seat nor
     * counting seats touches it.
     */
    @OneToOne(fetch = FetchType.LAZY)
    @PrimaryKeyJoinColumn(name = "id", referencedColumnName = "seat_id")
    private SeatActivity activity;
    /** When an idle seat is reclaimed (a warning is pending); {@code null} otherwise. */
    @Column(name = "reclaim_at")
    private OffsetDateTime reclaimAt;

    protected CustomerSeat() {}

    CustomerSeat(SeatContainer container, Customer customer, Member member, String email, JsonObject seatMetadata) {
        super(Timestamps.now());
        this.organizationId = container.organizationId();
        if (container instanceof Subscription s) {
            this.subscription = s;
        } else {
            this.oneTimeOrder = (Order) container;
        }
        this.status = SeatStatus.PENDING;
        this.customer = customer;
        this.member = member;
        setEmail(email);
        this.seatMetadata = JsonText.text(seatMetadata);
    }

    private void setEmail(String email) {
        this.email = EmailAddress.of(email);
    }

    /** A new invitation: a fresh token hash and expiry, replacing any earlier one, which stops working. */
    void invite(String tokenHash, OffsetDateTime expiresAt) {
        this.invitationTokenHash = tokenHash;
        this.invitationTokenExpiresAt = expiresAt;
        touch();
    }

    boolean hasInvitation(String tokenHash) {
        return tokenHash.equals(invitationTokenHash);
    }

    boolean canBeClaimedAt(OffsetDateTime now) {
        return status == SeatStatus.PENDING
                && invitationTokenHash != null
                && invitationTokenExpiresAt != null
                && invitationTokenExpiresAt.isAfter(now);
    }

    /** The seat is taken by its holder; the invitation is used up. */
    void claim(Member holder) {
        if (holder != null) {
            this.member = holder;
            if (email == null) {
                setEmail(holder.email());
            }
        }
        this.status = SeatStatus.CLAIMED;
        this.claimedAt = Timestamps.now();
        // Only an invitation sets an expiry, and a claim leaves it: an immediate claim has none.
        this.invitationClaimedAt = invitationTokenExpiresAt == null ? null : claimedAt;
        this.invitationTokenHash = null;
        touch();
    }

    /** The holder's e-mail changed (contract, "Members"): a pending or claimed seat follows its member. */
    void followMemberEmail(String email) {
        setEmail(email);
        touch();
    }

    /** The seat is freed: nothing about its holder stays on it except the dates, and why it was freed. */
    void revoke(RevocationReason reason) {
        this.status = SeatStatus.REVOKED;
        this.revokedAt = Timestamps.now();
        this.revocationReason = reason.wireName();
        this.revokesAt = null;
        this.revokesReason = null;
        this.reclaimAt = null;
        this.invitationTokenHash = null;
        this.customer = null;
        this.member = null;
        setEmail(null);
        touch();
    }

    /** Schedules the seat's revocation at {@code at} (UTC), replacing any earlier schedule. */
    void scheduleRevocation(OffsetDateTime at, ScheduledRevocation why) {
        this.revokesAt = at;
        this.revokesReason = why.stored();
        touch();
    }

    /** Nothing is scheduled any more. */
    void cancelScheduledRevocation() {
        this.revokesAt = null;
        this.revokesReason = null;
        touch();
    }

    /** An idle seat's holder is warned: the seat is reclaimed at {@code at} (UTC) unless activity comes first. */
    public void warnOfReclaim(OffsetDateTime at) {
        this.reclaimAt = at;
        touch();
    }

    /** The pending reclaim is withdrawn (the seat is no longer due under the organization's policy). */
    public void withdrawReclaim() {
        this.reclaimAt = null;
        touch();
    }

    /** Why the seat's revocation is scheduled, when it is. */
    ScheduledRevocation scheduledRevocation() {
        return revokesReason == null ? null : ScheduledRevocation.of(revokesReason);
    }

    public SeatContainer container() {
        return subscription != null ? subscription : oneTimeOrder;
    }

    /** The address the invitation goes to, as Polar resolves it: the seat's, else its member's, else its customer's. */
    public String customerEmail() {
        if (email != null) {
            return email.address();
        }
        if (member != null) {
            return member.email();
        }
        return customer == null ? null : customer.email();
    }

    public UUID organizationId() {
        return organizationId;
    }

    /**
     * The seat's organization: fetched with the seat by the named queries {@code CustomerSeat.withContainer} and
     * {@code CustomerSeat.invitationByTokenHash}, read when first asked for after any other query; {@code null} on a
     * seat made in this transaction.
     */
    public Organization organization() {
        return organization;
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
        return email == null ? null : email.address();
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

    /** When the seat is to be revoked (UTC); {@code null} when nothing is scheduled. */
    public OffsetDateTime revokesAt() {
        return revokesAt;
    }

    /** Why the seat was revoked; {@code null} unless it is revoked. */
    public RevocationReason revocationReason() {
        return revocationReason == null ? null : RevocationReason.of(revocationReason);
    }

    /** The last activity reported (UTC), only ever moved forward; {@code null} until one is. */
    public OffsetDateTime lastActiveAt() {
        return activity == null ? null : activity.lastActiveAt();
    }

    /** When the seat is reclaimed for inactivity (UTC); {@code null} unless a warning is pending. */
    public OffsetDateTime reclaimAt() {
        return reclaimAt;
    }

    public JsonObject seatMetadata() {
        return seatMetadata == null ? null : JsonText.object(seatMetadata);
    }
}

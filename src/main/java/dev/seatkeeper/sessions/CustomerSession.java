package dev.seatkeeper.sessions;

import dev.seatkeeper.customers.Customer;
import dev.seatkeeper.platform.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "customer_sessions", indexes = {
        @Index(name = "ix_customer_sessions_token_hash", columnList = "token_hash", unique = true),
        @Index(name = "ix_customer_sessions_customer", columnList = "customer_id")})
@NamedQuery(name = "CustomerSession.byHash",
        query = "select s from CustomerSession s join fetch s.customer where s.tokenHash = :hash")
public class CustomerSession {
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
    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;
    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;
    @Column(name = "return_url", length = 2048)
    private String returnUrl;

    protected CustomerSession() {
    }

    public CustomerSession(Customer customer, String tokenHash, OffsetDateTime expiresAt, String returnUrl) {
        this.id = UUID.randomUUID();
        this.createdAt = Timestamps.now();
        this.organizationId = customer.organizationId();
        this.customer = customer;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
        this.returnUrl = returnUrl;
    }

    public boolean isExpiredAt(OffsetDateTime now) {
        return !expiresAt.isAfter(now);
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

    public Customer customer() {
        return customer;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public String returnUrl() {
        return returnUrl;
    }
}

package dev.seatkeeper.sessions;

import dev.seatkeeper.customers.Customer;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A billing customer's portal session (polar_cst_). */
@Entity
@Table(
        name = "customer_sessions",
        indexes = {
            @Index(name = "ix_customer_sessions_token_hash", columnList = "token_hash", unique = true),
            @Index(name = "ix_customer_sessions_customer", columnList = "customer_id")
        })
@NamedQuery(
        name = "CustomerSession.byHash",
        query = "select s from CustomerSession s join fetch s.customer where s.tokenHash = :hash")
public class CustomerSession extends PortalSession {
    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    private Customer customer;

    protected CustomerSession() {}

    public CustomerSession(Customer customer, String tokenHash, OffsetDateTime expiresAt, String returnUrl) {
        super(customer.organizationId(), tokenHash, expiresAt, returnUrl);
        this.customer = customer;
    }

    public Customer customer() {
        return customer;
    }
}

package dev.seatkeeper.customers;

import dev.seatkeeper.platform.BaseEntity;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.platform.UniqueInsert;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A person acting under a customer: the holder of seats in the member model, and a portal user by role. */
@Entity
@Table(
        name = "members",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uq_members_customer_email",
                        columnNames = {"customer_id", "email_key"}),
        indexes = {
            @Index(name = "ix_members_organization", columnList = "organization_id, created_at"),
            @Index(name = "ix_members_external_id", columnList = "organization_id, external_id")
        })
@NamedQuery(
        name = "Member.byCustomerAndEmail",
        query = "select m from Member m where m.customer.id = :customerId and m.email.key = :emailKey")
@NamedQuery(
        name = "Member.byCustomerAndRole",
        query = "select m from Member m where m.customer.id = :customerId and m.role = :role order by m.createdAt")
@NamedQuery(
        name = "Member.byExternalId",
        query = "select m from Member m where m.organizationId = :org and m.externalId = :externalId")
public class Member extends BaseEntity {
    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    private Customer customer;
    /** Unique per customer by its key, regardless of case. */
    @Embedded
    private EmailAddress email;

    @Column(length = 256)
    private String name;

    @Column(name = "external_id", length = 256)
    private String externalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private MemberRole role;

    protected Member() {}

    public Member(Customer customer, String email, String name, String externalId, MemberRole role) {
        super(Timestamps.now());
        this.organizationId = customer.organizationId();
        this.customer = customer;
        this.email = EmailAddress.of(email);
        this.name = name;
        this.externalId = externalId;
        this.role = role;
    }

    /**
     * The row this new member is stored as, for an insert beside JPA that yields to a concurrent one with the same
     * e-mail ({@link MemberAdditionService#add}): the non-null values by the column names the mapping above gives (the role by
     * its name, as {@code EnumType.STRING} stores it), and the unique key (customer, e-mail key).
     */
    UniqueInsert.NewRow row() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id());
        row.put("created_at", createdAt());
        row.put("organization_id", organizationId);
        row.put("customer_id", customer.id());
        row.put("email", email.address());
        row.put("email_key", EmailAddress.keyOf(email.address()));
        row.put("name", name);
        row.put("external_id", externalId);
        row.put("role", role.name());
        row.values().removeIf(Objects::isNull);
        return new UniqueInsert.NewRow("members", List.of("customer_id", "email_key"), row);
    }

    /** Links a member found by e-mail to the merchant's own id for it, once. */
    void assignExternalId(String externalId) {
        this.externalId = externalId;
        touch();
    }

    /** A new name (Polar's MemberUpdate). */
    void rename(String name) {
        this.name = name;
        touch();
    }

    /** A new address; uniqueness per customer is checked by the caller under the customer's row lock. */
    void changeEmail(String email) {
        this.email = EmailAddress.of(email);
        touch();
    }

    /** A new role; the last-owner rule is checked by the caller under the customer's row lock. */
    void changeRole(MemberRole role) {
        this.role = role;
        touch();
    }

    public UUID organizationId() {
        return organizationId;
    }

    public Customer customer() {
        return customer;
    }

    public String email() {
        return email.address();
    }

    public String name() {
        return name;
    }

    public String externalId() {
        return externalId;
    }

    public MemberRole role() {
        return role;
    }
}

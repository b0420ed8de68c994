package dev.seatkeeper.customers;

import dev.seatkeeper.platform.BaseEntity;
import dev.seatkeeper.platform.JsonText;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.platform.UniqueInsert;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(
        name = "customers",
        uniqueConstraints = {
            @UniqueConstraint(
                    name = "uq_customers_email",
                    columnNames = {"organization_id", "email_key"}),
            @UniqueConstraint(
                    name = "uq_customers_external_id",
                    columnNames = {"organization_id", "external_id"})
        },
        indexes = @Index(name = "ix_customers_organization_created", columnList = "organization_id, created_at"))
@NamedQuery(
        name = "Customer.byEmail",
        query = "select c from Customer c where c.organizationId = :org and c.email.key = :emailKey")
@NamedQuery(
        name = "Customer.byExternalId",
        query = "select c from Customer c where c.organizationId = :org and c.externalId = :externalId")
public class Customer extends BaseEntity {
    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;
    /** Unique per organization by its key, regardless of case. */
    @Embedded
    private EmailAddress email;

    @Column(length = 256)
    private String name;

    @Column(name = "external_id", length = 256)
    private String externalId;
    /** JSON text; 50 keys of 40 characters with values of 500 fit. */
    @Column(nullable = false, length = 32000)
    private String metadata;
    /** {@code individual} or {@code team}, as Polar's customer types. */
    @Column(nullable = false, length = 16)
    private String type;

    protected Customer() {}

    public Customer(
            UUID organizationId, String type, String email, String name, String externalId, JsonObject metadata) {
        super(Timestamps.now());
        this.organizationId = organizationId;
        this.email = EmailAddress.of(email);
        this.name = name;
        this.externalId = externalId;
        this.metadata = JsonText.text(metadata);
        this.type = type;
    }

    /**
     * The row this new customer is stored as, for an insert beside JPA that yields to a concurrent one with the same
     * e-mail ({@link CustomerService#findOrCreateByEmail}): the non-null values by the column names the mapping above
     * gives, and the unique key (organization, e-mail key).
     */
    UniqueInsert.NewRow row() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id());
        row.put("created_at", createdAt());
        row.put("organization_id", organizationId);
        if (email != null) {
            row.put("email", email.address());
            row.put("email_key", EmailAddress.keyOf(email.address()));
        }
        row.put("name", name);
        row.put("external_id", externalId);
        row.put("metadata", metadata);
        row.put("type", type);
        row.values().removeIf(Objects::isNull);
        return new UniqueInsert.NewRow("customers", List.of("organization_id", "email_key"), row);
    }

    public UUID organizationId() {
        return organizationId;
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

    public String type() {
        return type;
    }

    public JsonObject metadata() {
        return JsonText.object(metadata);
    }
}

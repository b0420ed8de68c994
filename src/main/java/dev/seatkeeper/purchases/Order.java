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

/** A one-time purchase of seats. The table is "orders": ORDER is a reserved word in SQL. */
@Entity
@Table(name = "orders", indexes = {
        @Index(name = "ix_orders_organization_created", columnList = "organization_id, created_at"),
        @Index(name = "ix_orders_customer", columnList = "customer_id")})
public class Order implements SeatContainer {
    public static final String PAID = "paid";
    public static final String PENDING = "pending";

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
    @Column(nullable = false, length = 8000)
    private String metadata;

    protected Order() {
    }

    public Order(Customer customer, Product product, int seats, long amount, String status, JsonObject metadata) {
        this.id = UUID.randomUUID();
        this.createdAt = Timestamps.now();
        this.organizationId = customer.organizationId();
        this.customer = customer;
        this.product = product;
        this.status = status;
        this.seats = seats;
        this.amount = amount;
        this.currency = product.priceCurrency();
        this.metadata = JsonText.text(metadata);
    }

    public boolean isPaid() {
        return PAID.equals(status);
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

    public JsonObject metadata() {
        return JsonText.object(metadata);
    }
}

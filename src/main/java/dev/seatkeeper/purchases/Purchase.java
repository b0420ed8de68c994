package dev.seatkeeper.purchases;

import dev.seatkeeper.catalog.Product;
import dev.seatkeeper.customers.Customer;
import dev.seatkeeper.platform.BaseEntity;
import dev.seatkeeper.platform.JsonText;
import dev.seatkeeper.platform.Timestamps;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/** What subscriptions and orders have in common: the buyer, the product, the seats bought and their price. */
@MappedSuperclass
public abstract class Purchase extends BaseEntity implements SeatContainer {
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
    /** JSON text; 50 keys of 40 characters with values of 500 fit. */
    @Column(nullable = false, length = 32000)
    private String metadata;

    protected Purchase() {}

    protected Purchase(Customer customer, Product product, int seats, long amount, String status, JsonObject metadata) {
        super(Timestamps.now());
        this.organizationId = customer.organizationId();
        this.customer = customer;
        this.product = product;
        this.status = status;
        this.seats = seats;
        this.amount = amount;
        this.currency = product.priceCurrency();
        this.metadata = JsonText.text(metadata);
    }

    protected void changeStatus(String status) {
        this.status = status;
        touch();
    }

    public void changeSeats(int seats, long amount) {
        this.seats = seats;
        this.amount = amount;
        touch();
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

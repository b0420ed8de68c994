package dev.seatkeeper.purchases;

import dev.seatkeeper.catalog.Product;
import dev.seatkeeper.customers.Customer;
import jakarta.json.JsonObject;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A one-time purchase of seats. The table is "orders": ORDER is a reserved word in SQL. */
@Entity
@Table(
        name = "orders",
        indexes = {
            @Index(name = "ix_orders_organization_created", columnList = "organization_id, created_at"),
            @Index(name = "ix_orders_customer", columnList = "customer_id")
        })
public class Order extends Purchase {
    public static final String PAID = "paid";
    public static final String PENDING = "pending";

    protected Order() {}

    public Order(Customer customer, Product product, int seats, long amount, String status, JsonObject metadata) {
        super(customer, product, seats, amount, status, metadata);
    }

    public boolean isPaid() {
        return PAID.equals(status());
    }
}

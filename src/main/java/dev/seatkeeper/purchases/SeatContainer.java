package dev.seatkeeper.purchases;

import dev.seatkeeper.catalog.Product;
import dev.seatkeeper.customers.Customer;
import java.util.UUID;

/** What a seat belongs to: a subscription or an order, with the number of seats bought and the billing customer. */
public interface SeatContainer {
    UUID id();

    UUID organizationId();

    Customer customer();

    Product product();

    /** Seats bought; assignments beyond it are refused. */
    int seats();
}

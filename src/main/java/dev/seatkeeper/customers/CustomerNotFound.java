package dev.seatkeeper.customers;

import dev.seatkeeper.platform.DomainException;

/** 404 {@code CustomerNotFound}: a legacy-model assignment names a customer by id or external id that does not exist, and gives no e-mail to create one from. */
public class CustomerNotFound extends DomainException {
    /** @param identifier the id or external id as given */
    public CustomerNotFound(String identifier) {
        super(Kind.NOT_FOUND, "Customer not found: " + identifier);
    }
}

package dev.seatkeeper.customers;

import dev.seatkeeper.platform.DomainException;

/**
 * 422 {@code CannotRemoveLastOwner} (contract, "Members"): deleting or demoting the only {@code owner} of a customer,
 * which would leave nobody to act for it in the portal. Polar refuses the same two changes.
 */
public class CannotRemoveLastOwner extends DomainException {
    /** @param detail Polar's wording for the refused change (delete or role change) */
    CannotRemoveLastOwner(String detail) {
        super(Kind.UNPROCESSABLE, detail);
    }
}

package dev.seatkeeper.purchases;

import dev.seatkeeper.platform.DomainException;

/** 400 {@code BelowMinimumSeats}: a subscription's new seat count is under its product's lowest tier. */
public class BelowMinimumSeats extends DomainException {
    public BelowMinimumSeats(long minimum) {
        super(Kind.INVALID, "Minimum " + minimum + " seats required.");
    }
}

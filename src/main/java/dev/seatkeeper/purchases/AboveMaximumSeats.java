package dev.seatkeeper.purchases;

import dev.seatkeeper.platform.DomainException;

/** 400 {@code AboveMaximumSeats}: a subscription's new seat count is over its product's highest tier. */
public class AboveMaximumSeats extends DomainException {
    public AboveMaximumSeats(long maximum) {
        super(Kind.INVALID, "Maximum " + maximum + " seats allowed.");
    }
}

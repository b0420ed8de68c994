package dev.seatkeeper.purchases;

import dev.seatkeeper.platform.DomainException;

/** 403 {@code AlreadyCanceledSubscription}: a subscription that has ended cannot change. */
public class AlreadyCanceledSubscription extends DomainException {
    public AlreadyCanceledSubscription() {
        super(Kind.NOT_PERMITTED, "This subscription is already canceled or will be at the end of the period.");
    }
}

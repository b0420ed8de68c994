package dev.seatkeeper.seats;

import dev.seatkeeper.platform.DomainException;

/** 400 {@code NoScheduledRevocation}: canceling the scheduled revocation of a seat that has none. */
public class NoScheduledRevocation extends DomainException {
    public NoScheduledRevocation() {
        super(Kind.INVALID, "The seat has no scheduled revocation.");
    }
}

package dev.seatkeeper.purchases;

import dev.seatkeeper.platform.DomainException;

/** 400 {@code SeatsAlreadyAssigned}: a subscription's seat count cannot go below the seats it has assigned (pending or claimed). */
public class SeatsAlreadyAssigned extends DomainException {
    /** @param seats the count asked for; @param taken the seats assigned now */
    public SeatsAlreadyAssigned(int seats, long taken) {
        super(
                Kind.INVALID,
                "Cannot decrease seats to " + seats + ". Currently " + taken
                        + " seats are assigned. Revoke seats first.");
    }
}

package dev.seatkeeper.seats;

import dev.seatkeeper.platform.DomainException;

/** 400 {@code SeatNotPending}: resending the invitation of a seat that is claimed or revoked. */
public class SeatNotPending extends DomainException {
    public SeatNotPending() {
        super(Kind.INVALID, "Seat is not in pending status");
    }
}

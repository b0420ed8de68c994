package dev.seatkeeper.seats;

import dev.seatkeeper.platform.DomainException;

/** 400 {@code SeatNotTransferable}: transferring a seat that is already revoked (contract, "Beyond Polar: seat lifecycle"). */
public class SeatNotTransferable extends DomainException {
    public SeatNotTransferable() {
        super(Kind.INVALID, "Seat is revoked and cannot be transferred");
    }
}

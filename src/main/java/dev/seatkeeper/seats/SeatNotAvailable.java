package dev.seatkeeper.seats;

import dev.seatkeeper.platform.DomainException;

/** 400 {@code SeatNotAvailable}: the container cannot take another seat now (full, an unpaid order, an inactive subscription). */
public class SeatNotAvailable extends DomainException {
    /** @param detail why, as Polar words it */
    public SeatNotAvailable(String detail) {
        super(Kind.INVALID, detail);
    }
}

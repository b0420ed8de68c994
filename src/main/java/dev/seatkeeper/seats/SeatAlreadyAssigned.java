package dev.seatkeeper.seats;

import dev.seatkeeper.platform.DomainException;

/** 400 {@code SeatAlreadyAssigned}: the container already has a pending or claimed seat for this holder. */
public class SeatAlreadyAssigned extends DomainException {
    /** @param who the e-mail or id the assignment named */
    public SeatAlreadyAssigned(String who) {
        super(Kind.INVALID, "Seat already assigned to customer " + who);
    }
}

package dev.seatkeeper.seats;

import dev.seatkeeper.platform.DomainException;

/** 400 {@code InvalidSeatAssignmentRequest}: an assignment names no holder, or a customer that does not exist (organization routes). */
public class InvalidSeatAssignmentRequest extends DomainException {
    /** @param detail what is missing or unknown */
    public InvalidSeatAssignmentRequest(String detail) {
        super(Kind.INVALID, detail);
    }
}

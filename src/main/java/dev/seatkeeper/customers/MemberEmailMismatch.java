package dev.seatkeeper.customers;

import dev.seatkeeper.platform.DomainException;

/** 400 {@code MemberEmailMismatch}: an assignment's e-mail and external member id name two different members (Polar's SeatAssign identity rule). */
public class MemberEmailMismatch extends DomainException {
    /** @param detail which member and e-mail disagree */
    public MemberEmailMismatch(String detail) {
        super(Kind.INVALID, detail);
    }
}

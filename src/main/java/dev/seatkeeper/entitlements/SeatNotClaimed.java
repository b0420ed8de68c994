package dev.seatkeeper.entitlements;

import dev.seatkeeper.platform.DomainException;

/** 400 {@code SeatNotClaimed}: an entitlement is issued for a claimed seat only, never a pending or revoked one. */
public class SeatNotClaimed extends DomainException {
    public SeatNotClaimed() {
        super(Kind.INVALID, "Seat is not claimed");
    }
}

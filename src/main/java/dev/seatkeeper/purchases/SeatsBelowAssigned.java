package dev.seatkeeper.purchases;

import dev.seatkeeper.platform.DomainException;

/**
 * 400 {@code SeatsBelowAssigned} (contract, "Scheduled decrease naming who leaves"): a decrease at the period end
 * would leave more seats held than bought, and the request named neither {@code release_seat_ids} nor
 * {@code release_strategy}.
 */
public class SeatsBelowAssigned extends DomainException {
    /** @param needed how many seats must be released; @param seats the count asked for */
    public SeatsBelowAssigned(long needed, int seats) {
        super(Kind.INVALID, needed + " seats must be released to lower the seats to " + seats + ".");
    }
}

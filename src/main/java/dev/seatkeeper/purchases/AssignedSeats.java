package dev.seatkeeper.purchases;

/**
 * How many seats of a container are taken (pending or claimed). Implemented by the seats feature, so that
 * purchases can refuse to shrink below it without depending on seat internals.
 */
public interface AssignedSeats {
    long countTaken(SeatContainer container);
}

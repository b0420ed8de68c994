package dev.seatkeeper.seats;

import dev.seatkeeper.purchases.SeatContainer;

/**
 * A seat of the container was taken (assign on any route, bulk item, transfer, resend of an expired invitation): fired
 * synchronously inside that transaction, after the seat is stored and while the container row is locked, so that an
 * observer counts the seats taken exactly and its writes (capacity events) commit or roll back with the change
 * (contract, "Beyond Polar: capacity signals, seat usage and seat metrics").
 *
 * @param container the locked subscription or order
 */
public record SeatPoolChanged(SeatContainer container) {}

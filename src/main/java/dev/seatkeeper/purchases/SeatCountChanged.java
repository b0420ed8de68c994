package dev.seatkeeper.purchases;

import java.time.OffsetDateTime;

/**
 * A container's seat count changed (a change at once, or a pending change applied at the period roll): fired
 * synchronously inside that transaction, with the subscription row locked, so that the seat-count history and the
 * capacity events that follow from it commit or roll back with the change (contract, "Beyond Polar: capacity
 * signals, seat usage and seat metrics").
 *
 * @param container the subscription, already holding its new count
 * @param previousSeats the count before the change
 * @param at when the change took effect (UTC): now, or the period end it was scheduled for
 */
public record SeatCountChanged(SeatContainer container, int previousSeats, OffsetDateTime at) {}

/**
 * Purchases that hold seats: subscriptions (recurring) and one-time orders, both
 * {@link dev.seatkeeper.purchases.SeatContainer}s. What they need of seats comes through small ports
 * ({@link dev.seatkeeper.purchases.AssignedSeats}, {@link dev.seatkeeper.purchases.SeatLeavers}) and events
 * ({@link dev.seatkeeper.purchases.SubscriptionRevoked}). The period clock ({@link dev.seatkeeper.purchases.SubscriptionRoller})
 * rolls subscriptions at their period end and applies what falls due then.
 *
 * <p>May depend on platform, security, events, organizations, catalog, customers and idempotency.
 */
package dev.seatkeeper.purchases;

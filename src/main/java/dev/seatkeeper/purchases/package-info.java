/**
 * Purchases that hold seats: subscriptions (recurring) and one-time orders, both
 * {@link dev.seatkeeper.purchases.SeatContainer}s. What they need of seats comes through small ports
 * ({@link dev.seatkeeper.purchases.AssignedSeats}) and events ({@link dev.seatkeeper.purchases.SubscriptionRevoked}).
 *
 * <p>May depend on platform, security, organizations, catalog and customers.
 */
package dev.seatkeeper.purchases;

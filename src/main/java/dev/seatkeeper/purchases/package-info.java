/**
 * Purchases that hold seats: subscriptions (recurring) and one-time orders, both {@link dev.seatkeeper.purchases.SeatContainer}s.
 * Depends on platform, organizations, catalog and customers.
 */
package dev.seatkeeper.purchases;

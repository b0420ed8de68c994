/**
 * The outbox: webhook events recorded in the same transaction as the change they describe, for delivery later.
 *
 * <p>May depend on platform only.
 */
package dev.seatkeeper.events;

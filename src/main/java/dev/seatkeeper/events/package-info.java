/**
 * The outbox: webhook events recorded in the same transaction as the change they describe, for delivery later.
 * Depends on platform only.
 */
package dev.seatkeeper.events;

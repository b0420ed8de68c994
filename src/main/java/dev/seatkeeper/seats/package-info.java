/**
 * Seats: assignment to a person, claim with an invitation token, revocation, and the capacity of each container.
 * Depends on platform, security, organizations, customers, purchases, sessions and events.
 */
package dev.seatkeeper.seats;

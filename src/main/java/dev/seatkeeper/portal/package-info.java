/**
 * The customer portal: routes called with a customer session or a member session, acting for the caller's customer.
 * Depends on platform, security, sessions, customers, purchases and seats.
 */
package dev.seatkeeper.portal;

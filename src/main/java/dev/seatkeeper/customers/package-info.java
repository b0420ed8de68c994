/**
 * The merchant's customers and the members of each customer (owners, billing managers, members).
 * Depends on platform and organizations.
 */
package dev.seatkeeper.customers;

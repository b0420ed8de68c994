/**
 * The merchant's customers and the members of each customer (owners, billing managers, members), with the e-mail
 * address and its look-up key ({@link dev.seatkeeper.customers.EmailAddress}) that customers, members and seats share.
 *
 * <p>May depend on platform, security, events and organizations.
 */
package dev.seatkeeper.customers;

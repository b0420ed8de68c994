/**
 * {@code Idempotency-Key} on the routes that change seats (contract, "Beyond Polar: seat lifecycle"): a key is
 * recorded, per caller, in a transaction of its own before the request acts, and the first response is kept (sealed)
 * for 24 hours and replayed to repeats. Resources opt in with {@link dev.seatkeeper.idempotency.Idempotent}.
 *
 * <p>May depend on platform and security.
 */
package dev.seatkeeper.idempotency;

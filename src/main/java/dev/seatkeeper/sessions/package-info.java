/**
 * Portal sessions: customer sessions (polar_cst_) for billing customers and member sessions (polar_mst_) for
 * members, resolved for the authentication filter by their {@link dev.seatkeeper.security.TokenResolver}s. Tokens are
 * stored only as hashes.
 *
 * <p>May depend on platform, security, organizations and customers.
 */
package dev.seatkeeper.sessions;

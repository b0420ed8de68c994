/**
 * Portal sessions: customer sessions (polar_cst_) for billing customers and member sessions (polar_mst_) for
 * members. Tokens are stored only as hashes. Depends on platform, security, organizations and customers.
 */
package dev.seatkeeper.sessions;

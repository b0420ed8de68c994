/**
 * Offline seat entitlements (contract, "Beyond Polar: offline seat entitlements"): a compact Ed25519 JWS a merchant's
 * app verifies without calling the service ({@link dev.seatkeeper.entitlements.EntitlementService}), each
 * organization's signing keys with their lazy, race-safe rotation ({@code SigningKeys}, {@code KeySchedule}), the
 * public {@code jwks.json}, and the Token Status List whose bit a seat's revoke sets in its own transaction
 * ({@link dev.seatkeeper.entitlements.SeatStatusFlipper}, observing {@code seats.SeatRevoked}). JOSE is jose4j.
 *
 * <p>May depend on platform, security, organizations, catalog, customers, purchases, seats and idempotency.
 */
package dev.seatkeeper.entitlements;

package dev.seatkeeper.entitlements;

import java.time.OffsetDateTime;

/**
 * The answer to an entitlement request: the compact JWS, its {@code exp} as a timestamp (UTC), and the {@code kid} of
 * the key that signed it.
 */
public record Entitlement(String token, OffsetDateTime expiresAt, String kid) {}

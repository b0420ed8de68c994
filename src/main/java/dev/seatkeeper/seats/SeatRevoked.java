package dev.seatkeeper.seats;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A seat was revoked, by whichever path (organization or portal revoke, transfer, member deletion, subscription end):
 * fired synchronously by {@code SeatRevoker} inside the revoke's transaction, so an observer's writes commit or roll
 * back with the revoke (offline entitlements set the seat's status-list bit this way; contract, "Beyond Polar: offline
 * seat entitlements").
 *
 * @param seatId the revoked seat
 * @param organizationId its organization
 * @param revokedAt the seat's {@code revoked_at} (UTC)
 */
public record SeatRevoked(UUID seatId, UUID organizationId, OffsetDateTime revokedAt) {}

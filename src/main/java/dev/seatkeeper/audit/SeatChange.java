package dev.seatkeeper.audit;

import java.util.UUID;

/**
 * One change of a seat as its history records it, before the actor and the request are known.
 *
 * @param reason why, as the contract's wire name ({@code revocation_reason} of a revoke, the scheduled reason of a
 *     scheduled or canceled revocation, {@code inactivity} of a reclaim warning, …), or null
 * @param fromStatus the seat's status before ({@code pending}, {@code claimed}, {@code revoked}), null for a new seat
 * @param toStatus the seat's status after
 */
public record SeatChange(
        UUID organizationId, UUID seatId, AuditAction action, String reason, String fromStatus, String toStatus) {}

package dev.seatkeeper.entitlements;

import java.util.Optional;
import java.util.UUID;

/**
 * Who asks for a seat's entitlement (contract, "Beyond Polar: offline seat entitlements"): an organization (any seat
 * of its own), a portal user who manages billing (any seat of its customer), or a plain member (only the seat it holds;
 * another seat of its customer is 403 {@code NotPermitted}). Seats outside the organization or the customer are
 * answered as missing.
 *
 * @param organizationId the caller's organization
 * @param customerId the portal caller's customer; empty for an organization token
 * @param plainMemberId a plain member's id (role {@code member}); empty for everyone who may see every seat in scope
 */
public record Requester(UUID organizationId, Optional<UUID> customerId, Optional<UUID> plainMemberId) {

    public static Requester organization(UUID organizationId) {
        return new Requester(organizationId, Optional.empty(), Optional.empty());
    }

    public static Requester billing(UUID organizationId, UUID customerId) {
        return new Requester(organizationId, Optional.of(customerId), Optional.empty());
    }

    public static Requester member(UUID organizationId, UUID customerId, UUID memberId) {
        return new Requester(organizationId, Optional.of(customerId), Optional.of(memberId));
    }
}

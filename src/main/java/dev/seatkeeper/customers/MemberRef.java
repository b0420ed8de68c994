package dev.seatkeeper.customers;

import java.util.Optional;
import java.util.UUID;

/**
 * Names a member of a customer: by id, or by the merchant's external id for it.
 *
 * @param id the member's id
 * @param externalId the member's external id
 */
public record MemberRef(Optional<UUID> id, Optional<String> externalId) {
    public static MemberRef byId(UUID id) {
        return new MemberRef(Optional.of(id), Optional.empty());
    }

    public static MemberRef byExternalId(String externalId) {
        return new MemberRef(Optional.empty(), Optional.of(externalId));
    }
}

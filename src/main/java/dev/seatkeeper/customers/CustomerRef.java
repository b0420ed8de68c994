package dev.seatkeeper.customers;

import java.util.Optional;
import java.util.UUID;

/**
 * Names a customer of the calling organization on a member route: by id, or by the merchant's external id.
 *
 * @param id the customer's id, when the path names it so
 * @param externalId the customer's external id, when the path names it so
 */
public record CustomerRef(Optional<UUID> id, Optional<String> externalId) {
    public static CustomerRef byId(UUID id) {
        return new CustomerRef(Optional.of(id), Optional.empty());
    }

    public static CustomerRef byExternalId(String externalId) {
        return new CustomerRef(Optional.empty(), Optional.of(externalId));
    }
}

package dev.seatkeeper.seats;

import dev.seatkeeper.purchases.SeatContainer;
import java.util.Optional;
import java.util.UUID;

/**
 * Whose seats a caller may touch: an organization token sees every container of its organization; a portal user
 * only the containers its customer bought. Anything outside is answered as missing.
 */
public record SeatScope(UUID organizationId, Optional<UUID> customerId) {

    public static SeatScope organization(UUID organizationId) {
        return new SeatScope(organizationId, Optional.empty());
    }

    public static SeatScope customer(UUID organizationId, UUID customerId) {
        return new SeatScope(organizationId, Optional.of(customerId));
    }

    boolean covers(SeatContainer container) {
        return container.organizationId().equals(organizationId)
                && customerId.map(id -> container.customer().id().equals(id)).orElse(true);
    }
}

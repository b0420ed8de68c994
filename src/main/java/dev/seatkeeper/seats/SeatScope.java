package dev.seatkeeper.seats;

import dev.seatkeeper.customers.Customer;
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

    /**
     * Whether this caller may act for the customer a seat is recorded on without that customer's consent, as
     * {@code immediate_claim} does: an organization for any of its customers, a portal user only for its own (in the
     * member model every seat is recorded on the billing customer; in the legacy model on its holder's own customer).
     */
    boolean actsFor(Customer customer) {
        return customerId.map(customer.id()::equals).orElse(true);
    }
}

package dev.seatkeeper.seats;

import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.platform.RowLock;
import dev.seatkeeper.purchases.Order;
import dev.seatkeeper.purchases.SeatContainer;
import dev.seatkeeper.purchases.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the container or seat an operation acts on, within the caller's {@link SeatScope}, and locks the one row the
 * operation serializes on (the container for capacity, the seat for single use). Anything outside the scope is
 * answered exactly like an unknown id. A plain CDI bean: it runs in the transaction of the service that calls it.
 */
@ApplicationScoped
class SeatLocks {
    @PersistenceContext
    EntityManager em;

    /**
     * Locks the container row (and only it) before anything about its capacity is read. Exactly one of the ids is
     * present. Raises {@link ResourceNotFound} ("Subscription not found", "Order not found").
     */
    SeatContainer lockContainer(SeatScope scope, Optional<UUID> subscriptionId, Optional<UUID> orderId) {
        if (subscriptionId.isPresent()) {
            RowLock.lockById(em, "subscriptions", subscriptionId.get());
        } else {
            RowLock.lockById(em, "orders", orderId.get());
        }
        return findContainer(scope, subscriptionId, orderId);
    }

    /** The container one of the ids names, unlocked. Raises {@link ResourceNotFound} as {@link #lockContainer}. */
    SeatContainer findContainer(SeatScope scope, Optional<UUID> subscriptionId, Optional<UUID> orderId) {
        if (subscriptionId.isPresent()) {
            return Optional.ofNullable(em.find(Subscription.class, subscriptionId.get()))
                    .filter(scope::covers)
                    .orElseThrow(() -> new ResourceNotFound("Subscription not found"));
        }
        return Optional.ofNullable(em.find(Order.class, orderId.get()))
                .filter(scope::covers)
                .orElseThrow(() -> new ResourceNotFound("Order not found"));
    }

    /** Locks a seat in the scope and loads it with its container and holder. Raises {@link ResourceNotFound}. */
    CustomerSeat lockSeat(SeatScope scope, UUID seatId) {
        return lockSeat(seatId)
                .filter(seat -> scope.covers(seat.container()))
                .orElseThrow(() -> new ResourceNotFound("Seat not found"));
    }

    /** Locks a seat by id, whoever's it is, and loads it with its container and holder; empty if there is none. */
    Optional<CustomerSeat> lockSeat(UUID seatId) {
        return RowLock.lockById(em, "customer_seats", seatId).map(this::loadSeat);
    }

    /** Locks the seat an invitation token hash names and loads it; empty if no seat has that hash. */
    Optional<CustomerSeat> lockSeatByTokenHash(String hash) {
        return RowLock.lock(em, "customer_seats", "invitation_token_hash", hash).map(this::loadSeat);
    }

    /** The seat of a locked row, with its container and holder (CustomerSeat.withContainer): one query. */
    private CustomerSeat loadSeat(UUID id) {
        return em.createNamedQuery("CustomerSeat.withContainer", CustomerSeat.class)
                .setParameter("id", id)
                .getSingleResult();
    }
}

package dev.seatkeeper.seats;

import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.platform.RowLock;
import dev.seatkeeper.purchases.Order;
import dev.seatkeeper.purchases.SeatContainer;
import dev.seatkeeper.purchases.Subscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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

    /**
     * Locks a seat's container and then the seat, in the order assignments take them (container first), for an
     * operation on one seat that also frees or takes capacity (transfer; resend of an expired invitation). The
     * container's id is read without loading the seat, so the seat is loaded only once its row is locked. Raises
     * {@link ResourceNotFound} ("Seat not found") for a seat outside the scope.
     */
    CustomerSeat lockContainerAndSeat(SeatScope scope, UUID seatId) {
        // Native: EclipseLink's UUID converter fails on the null id of the absent container in a JPQL projection.
        List<?> containers = em.createNativeQuery("SELECT subscription_id, order_id FROM customer_seats WHERE id = ?1")
                .setParameter(1, seatId)
                .getResultList();
        if (containers.isEmpty()) {
            throw new ResourceNotFound("Seat not found");
        }
        Object[] ids = (Object[]) containers.get(0);
        try {
            lockContainer(scope, uuid(ids[0]), uuid(ids[1]));
        } catch (ResourceNotFound outsideScope) {
            throw new ResourceNotFound("Seat not found");
        }
        return lockSeat(scope, seatId);
    }

    private static Optional<UUID> uuid(Object column) {
        return Optional.ofNullable(column).map(c -> c instanceof UUID id ? id : UUID.fromString(c.toString()));
    }

    /** Locks a seat by id, whoever's it is, and loads it with its container and holder; empty if there is none. */
    Optional<CustomerSeat> lockSeat(UUID seatId) {
        return RowLock.lockById(em, "customer_seats", seatId).map(this::loadSeat);
    }

    /** Locks the seat an invitation token hash names and loads it; empty if no seat has that hash. */
    Optional<CustomerSeat> lockSeatByTokenHash(String hash) {
        return RowLock.lock(em, "customer_seats", "invitation_token_hash", hash).map(this::loadSeat);
    }

    /**
     * The seat of a locked row, with its container and holder, and its organization (CustomerSeat.withContainer): one
     * query. Every operation on a seat checks its organization's settings next, on {@code seat.organization()}, which
     * reads no more.
     */
    private CustomerSeat loadSeat(UUID id) {
        return em.createNamedQuery("CustomerSeat.withContainer", CustomerSeat.class)
                .setParameter("id", id)
                .getSingleResult();
    }
}

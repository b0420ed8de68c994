package dev.seatkeeper.purchases;

import dev.seatkeeper.catalog.SeatTier;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.platform.RowLock;
import dev.seatkeeper.platform.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code PATCH /v1/subscriptions/{id}} and its portal twin: {@code cancel_at_period_end}, a seat change at once (as
 * before), and a seat change at the period end ({@code proration_behavior: "next_period"}) with the seats that will
 * leave (contract, "Beyond Polar: seat changes on a schedule"). The subscription row is locked first, as seat
 * assignment locks it, so a decrease cannot slip under an assignment running at the same time.
 */
@Stateless
public class SubscriptionUpdateService {
    @PersistenceContext
    EntityManager em;

    @Inject
    AssignedSeats assignedSeats;

    @Inject
    SeatLeavers leavers;

    @Inject
    Event<SeatCountChanged> seatCountChanges;

    /**
     * Applies the update to the organization's subscription (of this customer only, for a portal caller).
     *
     * @param customerId the portal caller's customer; empty for an organization token
     * @return the subscription as changed
     * @throws ResourceNotFound "Subscription not found" outside the organization or customer
     * @throws AlreadyCanceledSubscription 403 for a canceled subscription, or a seat change on one that ends at the
     *     period end
     * @throws BelowMinimumSeats, AboveMaximumSeats outside the product's tiers
     * @throws SeatsAlreadyAssigned a change at once below the seats held
     * @throws SeatsBelowAssigned a decrease at the period end that must name its leavers and does not
     */
    public Subscription update(
            UUID organizationId, Optional<UUID> customerId, UUID subscriptionId, SubscriptionUpdate request) {
        RowLock.lockById(em, "subscriptions", subscriptionId);
        var subscription = Optional.ofNullable(em.find(Subscription.class, subscriptionId))
                .filter(s -> s.organizationId().equals(organizationId))
                .filter(s -> customerId.map(s.customer().id()::equals).orElse(true))
                .orElseThrow(() -> new ResourceNotFound("Subscription not found"));
        if (!subscription.isActive()) {
            throw new AlreadyCanceledSubscription();
        }
        if (request.cancelAtPeriodEnd().isPresent()) {
            subscription.cancelAtPeriodEnd(request.cancelAtPeriodEnd().get());
            return subscription;
        }
        if (subscription.cancelAtPeriodEnd()) {
            throw new AlreadyCanceledSubscription();
        }
        if (request.seats().isEmpty()) {
            cancelPending(subscription);
            return subscription;
        }
        int seats = request.seats().get();
        requireWithinTiers(subscription, seats);
        if (request.nextPeriod() && seats < subscription.seats()) {
            scheduleDecrease(subscription, seats, request);
            return subscription;
        }
        long taken = assignedSeats.countTaken(subscription);
        if (seats < taken) {
            throw new SeatsAlreadyAssigned(seats, taken);
        }
        // A change at once replaces a pending one.
        cancelPending(subscription);
        int previous = subscription.seats();
        subscription.changeSeats(seats, SubscriptionService.priceOf(subscription.product(), seats));
        if (previous != seats) {
            seatCountChanges.fire(new SeatCountChanged(subscription, previous, Timestamps.now()));
        }
        return subscription;
    }

    private void cancelPending(Subscription subscription) {
        if (subscription.hasPendingUpdate()) {
            leavers.unrelease(subscription);
            subscription.clearPendingUpdate();
        }
    }

    /**
     * The seat count falls to {@code seats} at the period end; the previous pending change and its leavers are
     * replaced. If the seats held then would exceed it, the request names who leaves: by id (scheduled now, to leave
     * then) or by a strategy applied at the roll.
     */
    private void scheduleDecrease(Subscription subscription, int seats, SubscriptionUpdate request) {
        cancelPending(subscription);
        OffsetDateTime appliesAt = subscription.currentPeriodEnd();
        long needed = Math.max(0, leavers.heldAt(subscription, appliesAt) - seats);
        if (request.releaseSeatIds().isPresent()) {
            leavers.release(subscription, request.releaseSeatIds().get(), needed, appliesAt);
        } else if (needed > 0 && request.releaseStrategy().isEmpty()) {
            throw new SeatsBelowAssigned(needed, seats);
        }
        subscription.schedulePendingUpdate(
                seats,
                request.releaseSeatIds().isPresent()
                        ? null
                        : request.releaseStrategy().orElse(null));
    }

    /** The product's seat tiers bound the count: 400 below the lowest minimum, or above the highest maximum. */
    private static void requireWithinTiers(Subscription subscription, int seats) {
        List<SeatTier> tiers = subscription.product().seatTiers();
        long minimum = tiers.stream().mapToLong(SeatTier::minSeats).min().orElse(1);
        if (seats < minimum) {
            throw new BelowMinimumSeats(minimum);
        }
        boolean bounded = tiers.stream().noneMatch(t -> t.maxSeats() == null);
        long maximum = tiers.stream()
                .mapToLong(t -> t.maxSeats() == null ? Long.MAX_VALUE : t.maxSeats())
                .max()
                .orElse(minimum);
        if (bounded && seats > maximum) {
            throw new AboveMaximumSeats(maximum);
        }
    }
}

package dev.seatkeeper.purchases;

import dev.seatkeeper.catalog.Product;
import dev.seatkeeper.platform.JsonBody;
import dev.seatkeeper.platform.Page;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.platform.RowLock;
import dev.seatkeeper.platform.ValidationIssue;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class SubscriptionService {
    @PersistenceContext
    EntityManager em;

    @Inject
    Event<SubscriptionRevoked> revoked;

    @EJB
    PurchaseTerms purchaseTerms;

    /**
     * Starts an active subscription now.
     *
     * @param periodEnd the end of its first period (UTC) when the request sets {@code current_period_end} (contract,
     *     "The period clock": tests and imports, in the past too), else empty: one interval from now
     */
    public Subscription create(UUID organizationId, NewPurchase request, Optional<OffsetDateTime> periodEnd) {
        var terms = purchaseTerms.resolve(organizationId, request, true);
        var subscription = new Subscription(
                terms.customer(),
                terms.product(),
                terms.seats(),
                priceOf(terms.product(), terms.seats()),
                request.metadata(),
                periodEnd.orElse(null));
        em.persist(subscription);
        return subscription;
    }

    /**
     * Volume pricing: every seat costs the price of the tier the total falls in, in the currency's smallest unit.
     * Amounts are 32-bit, as Polar's are ("Security boundaries": arithmetic is exact).
     *
     * @throws RequestValidationException 422 {@code value_error} at {@code ["body","seats"]} when the amount is
     *         larger than {@link JsonBody#INT32_MAX}
     */
    public static long priceOf(Product product, long seats) {
        long amount = product.tierFor(seats)
                .map(t -> Math.multiplyExact(t.pricePerSeat(), seats))
                .orElse(0L);
        if (amount > JsonBody.INT32_MAX) {
            throw new RequestValidationException(new ValidationIssue(
                    "value_error",
                    List.of("body", "seats"),
                    "Value error, The amount for " + seats + " seats is larger than " + JsonBody.INT32_MAX + ".",
                    seats));
        }
        return amount;
    }

    public Subscription get(UUID organizationId, UUID subscriptionId) {
        return find(organizationId, subscriptionId).orElseThrow(() -> new ResourceNotFound("Subscription not found"));
    }

    public Optional<Subscription> find(UUID organizationId, UUID subscriptionId) {
        return Optional.ofNullable(em.find(Subscription.class, subscriptionId))
                .filter(s -> s.organizationId().equals(organizationId));
    }

    /** Ends the subscription now, and with it every seat on it, in one transaction. */
    public Subscription revoke(UUID organizationId, UUID subscriptionId) {
        var subscription = lockActive(organizationId, subscriptionId);
        subscription.revoke();
        revoked.fire(new SubscriptionRevoked(subscription));
        return subscription;
    }

    /**
     * The organization's subscription, read after its row (and only its row) is locked, so that what is checked
     * here still holds when the transaction commits; a canceled one can no longer change.
     */
    private Subscription lockActive(UUID organizationId, UUID subscriptionId) {
        RowLock.lockById(em, "subscriptions", subscriptionId);
        var subscription = get(organizationId, subscriptionId);
        if (!subscription.isActive()) {
            throw new AlreadyCanceledSubscription();
        }
        return subscription;
    }

    /** One page of the organization's subscriptions (of one customer when given), newest first, with the total. */
    public Page<Subscription> list(UUID organizationId, Optional<UUID> customerId, PageRequest page) {
        return PurchasePages.page(em, Subscription.class, organizationId, customerId, page);
    }
}

package dev.seatkeeper.purchases;

import dev.seatkeeper.platform.Page;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.platform.ResourceNotFound;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class OrderService {
    @PersistenceContext
    EntityManager em;

    @EJB
    PurchaseTerms purchaseTerms;

    public Order create(UUID organizationId, NewPurchase request, String status) {
        var terms = purchaseTerms.resolve(organizationId, request, false);
        var order = new Order(
                terms.customer(),
                terms.product(),
                terms.seats(),
                SubscriptionService.priceOf(terms.product(), terms.seats()),
                status,
                request.metadata());
        em.persist(order);
        return order;
    }

    public Order get(UUID organizationId, UUID orderId) {
        return find(organizationId, orderId).orElseThrow(() -> new ResourceNotFound("Order not found"));
    }

    /** One page of the organization's orders (of one customer when given), newest first, with the total. */
    public Page<Order> list(UUID organizationId, Optional<UUID> customerId, PageRequest page) {
        return PurchasePages.page(em, Order.class, organizationId, customerId, page);
    }

    public Optional<Order> find(UUID organizationId, UUID orderId) {
        return Optional.ofNullable(em.find(Order.class, orderId))
                .filter(o -> o.organizationId().equals(organizationId));
    }
}

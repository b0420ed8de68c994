package dev.seatkeeper.purchases;

import dev.seatkeeper.platform.ApiException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import dev.seatkeeper.platform.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class OrderService {
    @PersistenceContext
    EntityManager em;

    @Inject
    PurchaseTerms purchaseTerms;

    public Order create(UUID organizationId, NewPurchase request, String status) {
        var terms = purchaseTerms.resolve(organizationId, request, false);
        var order = new Order(terms.customer(), terms.product(), terms.seats(),
                SubscriptionService.priceOf(terms.product(), terms.seats()), status, request.metadata());
        em.persist(order);
        return order;
    }

    public Order get(UUID organizationId, UUID orderId) {
        return find(organizationId, orderId).orElseThrow(() -> ApiException.notFound("Order not found"));
    }

    public List<Order> list(UUID organizationId, Optional<UUID> customerId, PageRequest page) {
        String jpql = "select o from Order o join fetch o.customer join fetch o.product where o.organizationId = :org"
                + (customerId.isPresent() ? " and o.customer.id = :customerId" : "") + " order by o.createdAt desc, o.id";
        var query = em.createQuery(jpql, Order.class).setParameter("org", organizationId);
        customerId.ifPresent(id -> query.setParameter("customerId", id));
        return query.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
    }

    public long count(UUID organizationId, Optional<UUID> customerId) {
        String jpql = "select count(o) from Order o where o.organizationId = :org"
                + (customerId.isPresent() ? " and o.customer.id = :customerId" : "");
        var query = em.createQuery(jpql, Long.class).setParameter("org", organizationId);
        customerId.ifPresent(id -> query.setParameter("customerId", id));
        return query.getSingleResult();
    }

    public Optional<Order> find(UUID organizationId, UUID orderId) {
        return Optional.ofNullable(em.find(Order.class, orderId)).filter(o -> o.organizationId().equals(organizationId));
    }
}

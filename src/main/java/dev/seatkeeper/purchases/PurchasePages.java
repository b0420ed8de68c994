package dev.seatkeeper.purchases;

import dev.seatkeeper.platform.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Pages of an organization's subscriptions or orders, newest first, with their customers and products fetched. */
final class PurchasePages {
    private PurchasePages() {
    }

    static <T extends Purchase> List<T> page(EntityManager em, Class<T> type, UUID organizationId,
                                             Optional<UUID> customerId, PageRequest page) {
        String jpql = "select p from " + type.getSimpleName() + " p join fetch p.customer join fetch p.product"
                + where(customerId) + " order by p.createdAt desc, p.id";
        return bind(em.createQuery(jpql, type), organizationId, customerId)
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
    }

    static long count(EntityManager em, Class<? extends Purchase> type, UUID organizationId, Optional<UUID> customerId) {
        String jpql = "select count(p) from " + type.getSimpleName() + " p" + where(customerId);
        return bind(em.createQuery(jpql, Long.class), organizationId, customerId).getSingleResult();
    }

    private static String where(Optional<UUID> customerId) {
        return " where p.organizationId = :org" + (customerId.isPresent() ? " and p.customer.id = :customerId" : "");
    }

    private static <R> TypedQuery<R> bind(TypedQuery<R> query, UUID organizationId, Optional<UUID> customerId) {
        query.setParameter("org", organizationId);
        customerId.ifPresent(id -> query.setParameter("customerId", id));
        return query;
    }
}

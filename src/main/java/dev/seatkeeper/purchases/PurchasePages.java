package dev.seatkeeper.purchases;

import dev.seatkeeper.platform.Page;
import dev.seatkeeper.platform.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Optional;
import java.util.UUID;

/** Pages of an organization's subscriptions or orders, newest first, with their customers and products fetched. */
final class PurchasePages {
    private PurchasePages() {}

    /** The page and the total, in the caller's transaction. */
    static <T extends Purchase> Page<T> page(
            EntityManager em, Class<T> type, UUID organizationId, Optional<UUID> customerId, PageRequest page) {
        String items = "select p from " + type.getSimpleName() + " p join fetch p.customer join fetch p.product"
                + where(customerId) + " order by p.createdAt desc, p.id";
        String count = "select count(p) from " + type.getSimpleName() + " p" + where(customerId);
        return Page.of(
                bind(em.createQuery(items, type), organizationId, customerId),
                bind(em.createQuery(count, Long.class), organizationId, customerId),
                page);
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

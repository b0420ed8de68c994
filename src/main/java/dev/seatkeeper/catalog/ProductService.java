package dev.seatkeeper.catalog;

import dev.seatkeeper.platform.ApiException;
import dev.seatkeeper.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class ProductService {
    @PersistenceContext
    EntityManager em;

    public record NewProduct(String name, String description, String recurringInterval, JsonObject metadata,
                             String priceCurrency, List<SeatTier> tiers) {
    }

    public Product create(UUID organizationId, NewProduct request) {
        var product = new Product(organizationId, request.name(), request.description(), request.recurringInterval(),
                request.metadata(), request.priceCurrency(), request.tiers());
        em.persist(product);
        return product;
    }

    /** The organization's product; another organization's id is indistinguishable from a missing one. */
    public Product get(UUID organizationId, UUID productId) {
        return find(organizationId, productId).orElseThrow(() -> ApiException.notFound("Product not found"));
    }

    public Optional<Product> find(UUID organizationId, UUID productId) {
        return Optional.ofNullable(em.find(Product.class, productId)).filter(p -> p.organizationId().equals(organizationId));
    }

    public List<Product> list(UUID organizationId, PageRequest page) {
        return em.createQuery("select p from Product p where p.organizationId = :org order by p.createdAt desc, p.id",
                        Product.class)
                .setParameter("org", organizationId)
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
    }

    public long count(UUID organizationId) {
        return em.createQuery("select count(p) from Product p where p.organizationId = :org", Long.class)
                .setParameter("org", organizationId).getSingleResult();
    }
}

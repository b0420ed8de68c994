package dev.seatkeeper.catalog;

import dev.seatkeeper.platform.Page;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.platform.ResourceNotFound;
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

    public record NewProduct(
            String name,
            String description,
            String recurringInterval,
            JsonObject metadata,
            String priceCurrency,
            List<SeatTier> tiers) {}

    public Product create(UUID organizationId, NewProduct request) {
        var product = new Product(
                organizationId,
                request.name(),
                request.description(),
                request.recurringInterval(),
                request.metadata(),
                request.priceCurrency(),
                request.tiers());
        em.persist(product);
        return product;
    }

    /** The organization's product; another organization's id is indistinguishable from a missing one. */
    public Product get(UUID organizationId, UUID productId) {
        return find(organizationId, productId).orElseThrow(() -> new ResourceNotFound("Product not found"));
    }

    public Optional<Product> find(UUID organizationId, UUID productId) {
        return Optional.ofNullable(em.find(Product.class, productId))
                .filter(p -> p.organizationId().equals(organizationId));
    }

    /** One page of the organization's products, newest first, with the total. */
    public Page<Product> list(UUID organizationId, PageRequest page) {
        return Page.of(
                em.createQuery(
                                "select p from Product p where p.organizationId = :org"
                                        + " order by p.createdAt desc, p.id",
                                Product.class)
                        .setParameter("org", organizationId),
                em.createQuery("select count(p) from Product p where p.organizationId = :org", Long.class)
                        .setParameter("org", organizationId),
                page);
    }
}

package dev.seatkeeper.organizations;

import dev.seatkeeper.platform.ApiException;
import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.platform.ValidationIssue;
import dev.seatkeeper.security.Scope;
import dev.seatkeeper.security.TokenFormat;
import dev.seatkeeper.security.TokenHasher;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Stateless
public class OrganizationService {
    @PersistenceContext
    EntityManager em;
    @Inject
    TokenHasher hasher;

    public record NewOrganization(String name, String slug, boolean seatBasedPricingEnabled, boolean memberModelEnabled) {
    }

    public record NewAccessToken(UUID organizationId, String comment, Set<Scope> scopes, Duration expiresIn) {
    }

    /** The token as issued: the stored record, and the clear token that only this answer carries. */
    public record IssuedToken(OrganizationAccessToken record, String token) {
    }

    public Organization create(NewOrganization request) {
        boolean taken = !em.createNamedQuery("Organization.bySlug", Organization.class)
                .setParameter("slug", request.slug()).setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw new RequestValidationException(new ValidationIssue("value_error", List.of("body", "slug"),
                    "An organization with this slug already exists.", request.slug()));
        }
        var organization = new Organization(request.name(), request.slug(), request.seatBasedPricingEnabled(),
                request.memberModelEnabled());
        em.persist(organization);
        return organization;
    }

    public Organization get(UUID id) {
        return Optional.ofNullable(em.find(Organization.class, id))
                .orElseThrow(() -> ApiException.notFound("Organization not found"));
    }

    public Organization update(UUID id, String name, Boolean seatBasedPricingEnabled, Boolean memberModelEnabled) {
        var organization = get(id);
        organization.update(name, seatBasedPricingEnabled, memberModelEnabled);
        return organization;
    }

    public IssuedToken issueToken(NewAccessToken request) {
        get(request.organizationId());
        String token = TokenFormat.generate(TokenFormat.ORGANIZATION_ACCESS_TOKEN);
        var expiresAt = request.expiresIn() == null ? null : Timestamps.now().plus(request.expiresIn());
        var record = new OrganizationAccessToken(request.organizationId(), hasher.hash(token), request.comment(),
                request.scopes(), expiresAt);
        em.persist(record);
        return new IssuedToken(record, token);
    }
}

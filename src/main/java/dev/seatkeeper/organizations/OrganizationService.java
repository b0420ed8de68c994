package dev.seatkeeper.organizations;

import dev.seatkeeper.platform.Page;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.ResourceNotFound;
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

    /**
     * @param seatEmailDomains normalized ({@link SeatEmailDomains#normalize}); empty: any domain
     * @param seatCapacityAlerts normalized ({@link SeatCapacityAlerts#normalize}); {@code null}: the default
     */
    public record NewOrganization(
            String name,
            String slug,
            boolean seatBasedPricingEnabled,
            boolean memberModelEnabled,
            List<String> seatEmailDomains,
            List<Integer> seatCapacityAlerts,
            SeatReclaimPolicy seatReclaim) {}

    public record NewAccessToken(UUID organizationId, String comment, Set<Scope> scopes, Duration expiresIn) {}

    /** The token as issued: the stored record, and the clear token that only this answer carries. */
    public record IssuedToken(OrganizationAccessToken record, String token) {}

    public Organization create(NewOrganization request) {
        boolean taken = !em.createNamedQuery("Organization.bySlug", Organization.class)
                .setParameter("slug", request.slug())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
        if (taken) {
            throw new RequestValidationException(new ValidationIssue(
                    "value_error",
                    List.of("body", "slug"),
                    "An organization with this slug already exists.",
                    request.slug()));
        }
        var organization = new Organization(
                request.name(),
                request.slug(),
                request.seatBasedPricingEnabled(),
                request.memberModelEnabled(),
                request.seatEmailDomains(),
                request.seatCapacityAlerts(),
                request.seatReclaim());
        em.persist(organization);
        return organization;
    }

    public Organization get(UUID id) {
        return Optional.ofNullable(em.find(Organization.class, id))
                .orElseThrow(() -> new ResourceNotFound("Organization not found"));
    }

    /**
     * Changes the fields given ({@code null} keeps one); see {@link Organization#update} and
     * {@link Organization#updateSeatReclaim}. Raises 404 ResourceNotFound.
     */
    public Organization update(
            UUID id,
            String name,
            Boolean seatBasedPricingEnabled,
            Boolean memberModelEnabled,
            List<String> seatEmailDomains,
            List<Integer> seatCapacityAlerts,
            SeatReclaimPolicy.Change seatReclaim) {
        var organization = get(id);
        organization.update(name, seatBasedPricingEnabled, memberModelEnabled, seatEmailDomains, seatCapacityAlerts);
        if (seatReclaim != null) {
            organization.updateSeatReclaim(seatReclaim);
        }
        return organization;
    }

    public IssuedToken issueToken(NewAccessToken request) {
        get(request.organizationId());
        String token = TokenFormat.generate(TokenFormat.ORGANIZATION_ACCESS_TOKEN);
        var expiresAt = request.expiresIn() == null ? null : Timestamps.now().plus(request.expiresIn());
        var record = new OrganizationAccessToken(
                request.organizationId(), hasher.hash(token), request.comment(), request.scopes(), expiresAt);
        em.persist(record);
        return new IssuedToken(record, token);
    }

    /** One page of access tokens, newest first: of one organization, or of all when {@code organizationId} is empty. */
    public Page<OrganizationAccessToken> tokens(Optional<UUID> organizationId, PageRequest page) {
        String where = organizationId.isPresent() ? " where t.organizationId = :organizationId" : "";
        var items = em.createQuery(
                "select t from OrganizationAccessToken t" + where + " order by t.createdAt desc, t.id",
                OrganizationAccessToken.class);
        var count = em.createQuery("select count(t) from OrganizationAccessToken t" + where, Long.class);
        organizationId.ifPresent(id -> {
            items.setParameter("organizationId", id);
            count.setParameter("organizationId", id);
        });
        return Page.of(items, count, page);
    }

    /**
     * Changes a token's comment and scopes ({@code null} keeps one); returns the token.
     * Raises 404 ResourceNotFound for an unknown id.
     */
    public OrganizationAccessToken updateToken(UUID id, String comment, Set<Scope> scopes) {
        var token = token(id);
        token.update(comment, scopes);
        return token;
    }

    /**
     * Deletes a token: it is refused from its very next request, since every request looks its hash up (contract,
     * "Security boundaries"). Raises 404 ResourceNotFound for an unknown id.
     */
    public void deleteToken(UUID id) {
        em.remove(token(id));
    }

    private OrganizationAccessToken token(UUID id) {
        return Optional.ofNullable(em.find(OrganizationAccessToken.class, id))
                .orElseThrow(() -> new ResourceNotFound("Organization access token not found"));
    }
}

package dev.seatkeeper.webhooks;

import dev.seatkeeper.platform.Page;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.ResourceNotFound;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.platform.ValidationIssue;
import dev.seatkeeper.security.SecretSealer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The endpoint API's use cases (contract, "Endpoint API"), each one transaction, each within the caller's organization:
 * an endpoint or event of another organization is answered exactly like an unknown id ({@link ResourceNotFound}).
 */
@Stateless
public class WebhookEndpointService {
    @PersistenceContext
    EntityManager em;

    @Inject
    SecretSealer sealer;

    @Inject
    WebhookSettings settings;

    @EJB
    WebhookQueue queue;

    /** An endpoint with its secret in clear, as Polar's WebhookEndpoint carries it. */
    public record EndpointView(WebhookEndpoint endpoint, String secret) {}

    /**
     * Registers an endpoint with a new secret of the Standard Webhooks format, for the request's {@code api_version}
     * or, when it names none, {@code requestVersion} (contract, "Events (webhooks)"). Raises 422 when
     * {@code organization_id} names another organization than the caller's (the same answer for an unknown one).
     *
     * @param requestVersion the version the request is made with (its {@code Polar-Version}, or the default)
     */
    public EndpointView create(UUID organizationId, EndpointRequest request, String requestVersion) {
        request.organizationId().filter(id -> !id.equals(organizationId)).ifPresent(id -> {
            throw new RequestValidationException(new ValidationIssue(
                    "value_error",
                    List.of("body", "organization_id"),
                    "Value error, Organization not found or not accessible with this token.",
                    id.toString()));
        });
        String secret = EndpointSecrets.generate();
        var endpoint = new WebhookEndpoint(
                organizationId,
                request.url().orElseThrow(),
                request.name().orElse(null),
                request.format().orElseThrow(),
                request.distinctEvents(),
                request.apiVersion().orElse(requestVersion),
                sealer.seal(secret));
        em.persist(endpoint);
        return new EndpointView(endpoint, secret);
    }

    /** One page of the organization's endpoints, oldest first, with the total. */
    public Page<EndpointView> list(UUID organizationId, PageRequest page) {
        return Page.of(
                        em.createQuery(
                                        "select e from WebhookEndpoint e where e.organizationId = :org"
                                                + " order by e.createdAt, e.id",
                                        WebhookEndpoint.class)
                                .setParameter("org", organizationId),
                        em.createQuery(
                                        "select count(e) from WebhookEndpoint e where e.organizationId = :org",
                                        Long.class)
                                .setParameter("org", organizationId),
                        page)
                .map(this::view);
    }

    /** One endpoint. Raises {@link ResourceNotFound}. */
    public EndpointView get(UUID organizationId, UUID endpointId) {
        return view(find(organizationId, endpointId));
    }

    /**
     * Changes what the request names. Disabling skips the endpoint's pending events. Raises {@link ResourceNotFound}.
     */
    public EndpointView update(UUID organizationId, UUID endpointId, EndpointRequest request) {
        var endpoint = find(organizationId, endpointId);
        endpoint.update(
                request.url().orElse(null),
                request.name().orElse(null),
                request.format().orElse(null),
                request.events().isPresent() ? request.distinctEvents() : null,
                request.apiVersion().orElse(null),
                request.enabled().orElse(null));
        if (!endpoint.enabled()) {
            queue.skipPending(endpoint);
        }
        return view(endpoint);
    }

    /** Deletes the endpoint with its events and deliveries. Raises {@link ResourceNotFound}. */
    public void delete(UUID organizationId, UUID endpointId) {
        var endpoint = find(organizationId, endpointId);
        em.createQuery("delete from WebhookDelivery d where d.endpointId = :id")
                .setParameter("id", endpoint.id())
                .executeUpdate();
        em.createQuery("delete from WebhookEvent w where w.endpoint = :endpoint")
                .setParameter("endpoint", endpoint)
                .executeUpdate();
        em.remove(endpoint);
    }

    /**
     * A new secret of the Standard Webhooks format (so {@code uses_standard_webhook_signature} becomes true); the old
     * one keeps signing, as its own format signs, for {@code SEATKEEPER_WEBHOOK_SECRET_OVERLAP} (Beyond Polar), so that
     * a receiver can switch without losing deliveries. Raises {@link ResourceNotFound}.
     */
    public EndpointView resetSecret(UUID organizationId, UUID endpointId) {
        var endpoint = find(organizationId, endpointId);
        String secret = EndpointSecrets.generate();
        endpoint.replaceSecret(sealer.seal(secret), Timestamps.now().plus(settings.secretOverlap()));
        return new EndpointView(endpoint, secret);
    }

    /**
     * One page of the attempts to the organization's endpoints (of one endpoint when given), newest first, each with
     * its event.
     */
    public Page<WebhookDelivery> deliveries(UUID organizationId, Optional<UUID> endpointId, PageRequest page) {
        String where = " where d.webhookEvent.endpoint.organizationId = :org"
                + (endpointId.isPresent() ? " and d.endpointId = :endpoint" : "");
        var items = em.createQuery(
                        "select d from WebhookDelivery d join fetch d.webhookEvent w join fetch w.event" + where
                                + " order by d.createdAt desc, d.id",
                        WebhookDelivery.class)
                .setParameter("org", organizationId);
        var count = em.createQuery("select count(d) from WebhookDelivery d" + where, Long.class)
                .setParameter("org", organizationId);
        endpointId.ifPresent(id -> {
            items.setParameter("endpoint", id);
            count.setParameter("endpoint", id);
        });
        return Page.of(items, count, page);
    }

    /**
     * Sends an event to its endpoint again, whatever became of it: pending at once with a fresh retry window.
     * Raises {@link ResourceNotFound} for an unknown event or one of another organization.
     */
    public void redeliver(UUID organizationId, UUID webhookEventId) {
        var event = Optional.ofNullable(em.find(WebhookEvent.class, webhookEventId))
                .filter(w -> w.endpoint().organizationId().equals(organizationId))
                .orElseThrow(() -> new ResourceNotFound("Not found"));
        event.redeliver(Timestamps.now());
    }

    private WebhookEndpoint find(UUID organizationId, UUID endpointId) {
        return Optional.ofNullable(em.find(WebhookEndpoint.class, endpointId))
                .filter(e -> e.organizationId().equals(organizationId))
                .orElseThrow(() -> new ResourceNotFound("Not found"));
    }

    /**
     * The endpoint with its secret in clear; an empty secret when it was sealed under another
     * {@code SEATKEEPER_SECRET} and cannot be opened (a secret reset gives it a new one).
     */
    private EndpointView view(WebhookEndpoint endpoint) {
        try {
            return new EndpointView(endpoint, sealer.open(endpoint.secretSealed()));
        } catch (IllegalStateException unopenable) {
            return new EndpointView(endpoint, "");
        }
    }
}

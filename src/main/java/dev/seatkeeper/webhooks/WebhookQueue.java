package dev.seatkeeper.webhooks;

import dev.seatkeeper.events.Event;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.security.SecretSealer;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The delivery state machine's steps, each its own transaction, for {@link WebhookWorker}: hand new outbox events to
 * the endpoints subscribed at that moment, lease the attempts that are due, record what an attempt came to. Every step
 * is safe with several instances on one database: a conditional update decides which instance takes an event or an
 * attempt, so each is taken once.
 */
@Stateless
public class WebhookQueue {
    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    SecretSealer sealer;

    @Inject
    WebhookSettings settings;

    /**
     * Hands up to {@code max} outbox events, in the order they were recorded, to the enabled endpoints of their
     * organization that subscribe to their type (none is fine: the event is then only kept). Returns how many events
     * this instance took: all of those it read, or none.
     *
     * <p>The batch is taken with one statement ({@code dispatched_at} set where it is still null), not one per event:
     * every claim, revoke and assign records an event, and one update each was a tenth of the server's CPU under the
     * benchmark's claim load (JFR, bench/). Instances on one database may read the same batch; the update locks its
     * rows, so the second waits for the first to commit and then finds some or all of them taken. Which ones it cannot
     * tell from a count, so it takes none: its transaction rolls back and the next round reads again what is left.
     */
    public int fanOut(int max) {
        List<Event> events = em.createQuery(
                        "select e from Event e where e.dispatchedAt is null order by e.seq", Event.class)
                .setMaxResults(max)
                .getResultList();
        if (events.isEmpty()) {
            return 0;
        }
        int won = em.createQuery(
                        "update Event e set e.dispatchedAt = :now where e.id in :ids and e.dispatchedAt is null")
                .setParameter("now", Timestamps.now())
                .setParameter("ids", events.stream().map(Event::id).toList())
                .executeUpdate();
        if (won != events.size()) {
            context.setRollbackOnly();
            return 0;
        }
        Map<UUID, List<WebhookEndpoint>> endpointsByOrganization = new HashMap<>();
        for (Event event : events) {
            for (WebhookEndpoint endpoint :
                    endpointsByOrganization.computeIfAbsent(event.organizationId(), this::enabledEndpoints)) {
                if (endpoint.subscribes(event.type())) {
                    em.persist(new WebhookEvent(endpoint, event, event.seq()));
                }
            }
        }
        return events.size();
    }

    private List<WebhookEndpoint> enabledEndpoints(UUID organizationId) {
        return em.createQuery("select e from WebhookEndpoint e where e.organizationId = :org", WebhookEndpoint.class)
                .setParameter("org", organizationId)
                .getResultStream()
                // Filtered here, not in JPQL: EclipseLink writes a boolean as 1 on H2, which H2 will not compare with
                // a BOOLEAN column. An organization has a handful of endpoints.
                .filter(WebhookEndpoint::enabled)
                .toList();
    }

    /**
     * Leases up to {@code max} due attempts for {@code lease}: for each enabled endpoint, its oldest pending event, if
     * its next attempt is due and no instance holds it. An endpoint's later events wait until the earlier one
     * succeeded or failed, so each endpoint receives events in the order they were recorded.
     */
    public List<Attempt> leaseDue(int max, Duration lease) {
        var now = Timestamps.now();
        List<WebhookEvent> heads = em.createQuery(
                        "select w from WebhookEvent w join fetch w.endpoint join fetch w.event"
                                + " where w.status = :pending and w.nextAttemptAt <= :now"
                                + " and (w.leaseUntil is null or w.leaseUntil < :now)"
                                + " and not exists (select o.id from WebhookEvent o where o.endpoint = w.endpoint"
                                + " and o.status = :pending and o.seq < w.seq)"
                                + " order by w.nextAttemptAt",
                        WebhookEvent.class)
                .setParameter("pending", WebhookEvent.Status.PENDING)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
        return lease(heads, now, lease);
    }

    /**
     * Leases the next due attempt of one endpoint, if its oldest pending event is due and no instance holds it: the
     * worker calls this after an attempt succeeded, so that an endpoint with a backlog is served back to back rather
     * than one event per polling round. The same conditional update as {@link #leaseDue} decides between instances.
     */
    public Optional<Attempt> leaseNext(UUID endpointId, Duration lease) {
        var now = Timestamps.now();
        List<WebhookEvent> head = em.createQuery(
                        "select w from WebhookEvent w join fetch w.endpoint join fetch w.event"
                                + " where w.endpoint.id = :endpoint and w.status = :pending"
                                + " and w.nextAttemptAt <= :now and (w.leaseUntil is null or w.leaseUntil < :now)"
                                + " and not exists (select o.id from WebhookEvent o where o.endpoint = w.endpoint"
                                + " and o.status = :pending and o.seq < w.seq)",
                        WebhookEvent.class)
                .setParameter("endpoint", endpointId)
                .setParameter("pending", WebhookEvent.Status.PENDING)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultList();
        return lease(head, now, lease).stream().findFirst();
    }

    private List<Attempt> lease(List<WebhookEvent> heads, OffsetDateTime now, Duration lease) {
        var attempts = new ArrayList<Attempt>();
        for (WebhookEvent head : heads) {
            if (!head.endpoint().enabled()) {
                continue; // Its pending events are being skipped by whoever disabled it.
            }
            int won = em.createQuery("update WebhookEvent w set w.leaseUntil = :until where w.id = :id"
                            + " and w.status = :pending and (w.leaseUntil is null or w.leaseUntil < :now)")
                    .setParameter("until", now.plus(lease))
                    .setParameter("id", head.id())
                    .setParameter("pending", WebhookEvent.Status.PENDING)
                    .setParameter("now", now)
                    .executeUpdate();
            if (won == 1) {
                attempts.add(attempt(head, now));
            }
        }
        return attempts;
    }

    /**
     * The attempt for a leased event. A secret sealed under another {@code SEATKEEPER_SECRET} cannot be opened: the
     * attempt then has no secret and fails as unsigned (the event is retried, and the endpoint is disabled as any
     * failing endpoint is), instead of stopping every other endpoint's deliveries.
     */
    private Attempt attempt(WebhookEvent event, OffsetDateTime now) {
        var endpoint = event.endpoint();
        var secrets = new ArrayList<String>();
        try {
            secrets.add(sealer.open(endpoint.secretSealed()));
            Optional.ofNullable(endpoint.previousSecretSealed(now))
                    .map(sealer::open)
                    .ifPresent(secrets::add);
        } catch (IllegalStateException unopenable) {
            secrets.clear();
        }
        return new Attempt(event.id(), endpoint.id(), endpoint.url(), event.body(), List.copyOf(secrets));
    }

    /**
     * Records an attempt and what follows from it: the event succeeded; or its next attempt is scheduled; or it failed
     * for good, which counts against its endpoint and may disable it; {@code 410 Gone} disables the endpoint at once.
     * An endpoint that ends disabled has its pending events skipped.
     */
    public void record(UUID webhookEventId, Outcome outcome) {
        var event = em.find(WebhookEvent.class, webhookEventId);
        if (event == null) {
            return; // The endpoint was deleted while the attempt was in flight.
        }
        var endpoint = event.endpoint();
        em.persist(new WebhookDelivery(event, outcome.succeeded(), outcome.httpCode(), outcome.response()));
        if (outcome.succeeded()) {
            event.succeeded(outcome.httpCode());
            endpoint.eventSucceeded();
            return;
        }
        var now = Timestamps.now();
        Optional<OffsetDateTime> next = outcome.gone()
                ? Optional.empty()
                : RetrySchedule.of(settings)
                        .next(
                                event.attempts() + 1,
                                event.retryFrom(),
                                now,
                                outcome.retryAfter(),
                                ThreadLocalRandom.current());
        event.attemptFailed(outcome.httpCode(), next.orElse(null));
        if (next.isPresent()) {
            return;
        }
        if (outcome.gone()) {
            endpoint.disable();
        } else {
            endpoint.eventFailed(settings.disableAfter());
        }
        if (!endpoint.enabled()) {
            skipPending(endpoint);
        }
    }

    /**
     * Marks every pending event of a disabled endpoint skipped, in the caller's transaction: it will not receive them
     * (contract, "Events (webhooks)"). Public because the endpoint service calls it through this bean's view.
     */
    public void skipPending(WebhookEndpoint endpoint) {
        em.createQuery("update WebhookEvent w set w.status = :skipped, w.leaseUntil = null"
                        + " where w.endpoint = :endpoint and w.status = :pending")
                .setParameter("skipped", WebhookEvent.Status.SKIPPED)
                .setParameter("endpoint", endpoint)
                .setParameter("pending", WebhookEvent.Status.PENDING)
                .executeUpdate();
    }

    /** Drops the payload of outbox events recorded before {@code cutoff} (UTC), as Polar archives them; returns how many. */
    public int archiveBefore(OffsetDateTime cutoff) {
        return em.createQuery(
                        "update Event e set e.payload = null where e.createdAt < :cutoff and e.payload is not null")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}

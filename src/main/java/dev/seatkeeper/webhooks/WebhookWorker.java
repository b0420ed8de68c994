package dev.seatkeeper.webhooks;

import dev.seatkeeper.platform.Timestamps;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The delivery worker, inside the application on the server's managed executors (no extra process): every
 * {@code SEATKEEPER_WEBHOOK_POLL_INTERVAL} it hands new outbox events to their endpoints and sends the attempts that
 * are due, each on a managed thread, recording each outcome ({@link WebhookQueue}). An attempt is leased for longer
 * than it can take; if the instance dies meanwhile, the lease runs out and an instance sends it again (at least once).
 * Once a day, payloads older than 90 days are archived.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
// Its state is safe to share by itself (a volatile time, a concurrent set): no container lock on readiness probes.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookWorker {
    private static final Logger LOG = Logger.getLogger(WebhookWorker.class.getName());
    /**
     * Longer than an attempt can take ({@link WebhookSender#TIMEOUT} twice, connect and answer, plus recording it), and
     * short enough that an attempt in flight when its instance died is made again within half a minute.
     */
    static final Duration LEASE = Duration.ofSeconds(30);
    /** How many attempts one round may start: one per endpoint at most, so this bounds the endpoints served a round. */
    static final int ATTEMPTS_PER_ROUND = 64;
    /** How many of an endpoint's events one thread sends back to back before leaving the rest to the next round. */
    static final int CHAIN = 1000;
    /** Polar archives event payloads after 90 days. */
    static final Duration ARCHIVE_AFTER = Duration.ofDays(90);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService senders;

    @EJB
    WebhookQueue queue;

    @Inject
    WebhookSettings settings;

    private WebhookSender sender;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private volatile Instant lastRound = Instant.now();
    /** Whether the last round failed; only the scheduler's one thread reads and writes it. */
    private boolean failing;

    private ScheduledFuture<?> rounds;
    private ScheduledFuture<?> archiving;

    @PostConstruct
    void start() {
        sender = new WebhookSender(new EndpointAddresses(settings));
        long poll = Math.max(10, settings.pollInterval().toMillis());
        rounds = scheduler.scheduleWithFixedDelay(this::round, poll, poll, TimeUnit.MILLISECONDS);
        archiving = scheduler.scheduleWithFixedDelay(this::archive, 1, 24 * 60, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        rounds.cancel(false);
        archiving.cancel(false);
    }

    /** When the last round finished, for readiness: a worker that stopped making rounds is not running. */
    public Instant lastRound() {
        return lastRound;
    }

    private void round() {
        try {
            while (queue.fanOut(500) == 500) {
                // A burst larger than one batch is handed out before attempts are leased.
            }
            for (Attempt attempt : queue.leaseDue(ATTEMPTS_PER_ROUND, LEASE)) {
                if (inFlight.add(attempt.webhookEventId())) {
                    senders.execute(() -> deliver(attempt));
                }
            }
            lastRound = Instant.now();
            if (failing) {
                failing = false;
                LOG.info("Webhook delivery rounds succeed again");
            }
        } catch (RuntimeException e) {
            // The next round tries again (a database that is away comes back); a failure must not end the schedule.
            // Logged when rounds start failing, not five times a second while they do.
            LOG.log(failing ? Level.FINE : Level.WARNING, "A webhook delivery round failed", e);
            failing = true;
        }
    }

    /**
     * Makes the attempt and records it; after a success, goes on with the endpoint's next due event on this thread
     * (at most {@link #CHAIN} in a row), so that a backlog drains at the endpoint's pace rather than one event per
     * polling round. A failure leaves the next attempt to the schedule (backoff), as does the end of a chain.
     */
    private void deliver(Attempt first) {
        Attempt attempt = first;
        for (int sent = 0; attempt != null; sent++) {
            Attempt next = null;
            try {
                Outcome outcome = sender.send(attempt);
                queue.record(attempt.webhookEventId(), outcome);
                if (outcome.succeeded() && sent + 1 < CHAIN) {
                    next = queue.leaseNext(attempt.endpointId(), LEASE)
                            .filter(a -> inFlight.add(a.webhookEventId()))
                            .orElse(null);
                }
            } catch (RuntimeException e) {
                // The lease runs out and the attempt is made again: at least once, never lost.
                LOG.log(Level.WARNING, "Recording a webhook attempt failed; it will be made again", e);
            } finally {
                inFlight.remove(attempt.webhookEventId());
            }
            attempt = next;
        }
    }

    private void archive() {
        try {
            int archived = queue.archiveBefore(Timestamps.now().minus(ARCHIVE_AFTER));
            if (archived > 0) {
                LOG.info("Archived the payloads of " + archived + " events older than 90 days");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Archiving event payloads failed; the next run tries again", e);
        }
    }
}

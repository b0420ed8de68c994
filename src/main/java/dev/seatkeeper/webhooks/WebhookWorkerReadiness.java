package dev.seatkeeper.webhooks;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the webhook worker is running (contract, "Operations"), meaning it finished a round recently. A round
 * fails while the database is away, so this goes DOWN with the database too, and UP again with it. Status only.
 */
@Readiness
@ApplicationScoped
public class WebhookWorkerReadiness implements HealthCheck {
    /** A round normally ends every poll interval; this leaves room for a slow database or a long burst. */
    static final Duration STALE_AFTER = Duration.ofSeconds(30);

    @EJB
    WebhookWorker worker;

    /** @return {@code webhook-worker} UP when a round finished within {@link #STALE_AFTER}; never throws */
    @Override
    public HealthCheckResponse call() {
        boolean up = Duration.between(worker.lastRound(), Instant.now()).compareTo(STALE_AFTER) < 0;
        return HealthCheckResponse.named("webhook-worker").status(up).build();
    }
}

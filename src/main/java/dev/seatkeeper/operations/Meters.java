package dev.seatkeeper.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The one place where Seatkeeper's meters are defined and registered, in a Prometheus registry of the application's
 * own (contract, "Operations": the same names on every server, whatever the server's own metrics are). In
 * Prometheus text they read:
 * <ul>
 *   <li>{@code seatkeeper_seats{status}}: seats per status, from the database ({@link SeatCounts});</li>
 *   <li>{@code seatkeeper_seat_operations_seconds{operation,outcome}}: assign, claim and revoke requests, their
 *       count, total and maximum time, and histogram buckets (5 ms to 10 s) for quantiles;</li>
 *   <li>{@code seatkeeper_http_errors_total{class}}: responses with a 4xx or a 5xx status;</li>
 *   <li>{@code seatkeeper_webhook_deliveries{outcome}}: webhook attempts recorded that succeeded or failed,
 *       {@code seatkeeper_webhook_backlog}: events waiting for delivery, and
 *       {@code seatkeeper_webhook_oldest_pending_seconds}: the age of the oldest of them, all from the database
 *       ({@link WebhookCounts}).</li>
 * </ul>
 */
@ApplicationScoped
public class Meters {
    /** The operations resource methods name with {@link dev.seatkeeper.platform.Measured}; shown from the start. */
    public static final List<String> OPERATIONS = List.of("assign", "claim", "revoke");

    private static final List<String> OUTCOMES = List.of("success", "client_error", "server_error");
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    @Inject
    SeatCounts seatCounts;

    @Inject
    WebhookCounts webhookCounts;

    private PrometheusMeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private Counter clientErrors;
    private Counter serverErrors;

    @PostConstruct
    void register() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (String status : SeatCounts.STATUSES) {
            Gauge.builder("seatkeeper.seats", seatCounts, counts -> counts.count(status))
                    .description("Seats in this status, counted at most " + SeatCounts.MAX_AGE.toSeconds() + " s ago")
                    .tag("status", status)
                    .register(registry);
        }
        for (String operation : OPERATIONS) {
            for (String outcome : OUTCOMES) {
                timer(operation, outcome);
            }
        }
        for (boolean succeeded : new boolean[] {true, false}) {
            Gauge.builder("seatkeeper.webhook.deliveries", webhookCounts, counts -> counts.deliveries(succeeded))
                    .description("Webhook attempts recorded with this outcome, counted at most "
                            + SeatCounts.MAX_AGE.toSeconds() + " s ago")
                    .tag("outcome", succeeded ? "succeeded" : "failed")
                    .register(registry);
        }
        Gauge.builder("seatkeeper.webhook.backlog", webhookCounts, WebhookCounts::backlog)
                .description("Webhook events not yet delivered: waiting to be handed out, or pending at an endpoint")
                .register(registry);
        Gauge.builder("seatkeeper.webhook.oldest.pending", webhookCounts, WebhookCounts::oldestPendingSeconds)
                .description("Age of the oldest webhook event not yet delivered")
                .baseUnit("seconds")
                .register(registry);
        clientErrors = errors("4xx");
        serverErrors = errors("5xx");
    }

    private Counter errors(String statusClass) {
        return Counter.builder("seatkeeper.http.errors")
                .description("Responses with a status of this class, whoever answered inside the application")
                .tag("class", statusClass)
                .register(registry);
    }

    private Timer timer(String operation, String outcome) {
        return timers.computeIfAbsent(
                operation + ' ' + outcome,
                key -> Timer.builder("seatkeeper.seat.operations")
                        .description(
                                "Seat operation requests, from the request's arrival to its response, commit included")
                        .tag("operation", operation)
                        .tag("outcome", outcome)
                        // A dozen fixed buckets are enough for latency quantiles and SLO ratios in Prometheus;
                        // Micrometer's
                        // percentile histogram would add some 70 per series to every scrape.
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry));
    }

    /**
     * Records one request of a measured operation.
     *
     * @param operation the operation's name, e.g. {@code claim}
     * @param status    the HTTP status it was answered with: 2xx/3xx count as success, 4xx as a client error,
     *                  5xx as a server error
     * @param nanos     how long it took
     */
    public void recordOperation(String operation, int status, long nanos) {
        String outcome = status >= 500 ? "server_error" : status >= 400 ? "client_error" : "success";
        timer(operation, outcome).record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Counts a response by its status; anything below 400 is not counted.
     *
     * @param status the HTTP status sent
     */
    public void countResponse(int status) {
        if (status >= 500) {
            serverErrors.increment();
        } else if (status >= 400) {
            clientErrors.increment();
        }
    }

    /** @return every meter in Prometheus's text exposition format (version 0.0.4) */
    public String scrape() {
        return registry.scrape();
    }
}

package dev.seatkeeper.webhooks;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Webhook delivery settings (contract, "Configuration" and "Events (webhooks)"), read once through MicroProfile Config;
 * each key is also an environment variable. Durations are ISO-8601 ({@code PT4S}, {@code P3D}).
 */
@ApplicationScoped
public class WebhookSettings {
    private Duration retryBase;
    private Duration retryMaxInterval;
    private Duration retryFor;
    private int disableAfter;
    private Duration secretOverlap;
    private boolean allowHttp;
    private boolean allowPrivate;
    private Duration pollInterval;

    @PostConstruct
    void load() {
        Config config = ConfigProvider.getConfig();
        retryBase = duration(config, "SEATKEEPER_WEBHOOK_RETRY_BASE", "PT4S");
        retryMaxInterval = duration(config, "SEATKEEPER_WEBHOOK_RETRY_MAX_INTERVAL", "PT1H");
        retryFor = duration(config, "SEATKEEPER_WEBHOOK_RETRY_FOR", "P3D");
        disableAfter = config.getOptionalValue("SEATKEEPER_WEBHOOK_DISABLE_AFTER", Integer.class)
                .orElse(10);
        secretOverlap = duration(config, "SEATKEEPER_WEBHOOK_SECRET_OVERLAP", "PT24H");
        allowHttp = config.getOptionalValue("SEATKEEPER_WEBHOOK_ALLOW_HTTP", Boolean.class)
                .orElse(false);
        allowPrivate = config.getOptionalValue("SEATKEEPER_WEBHOOK_ALLOW_PRIVATE", Boolean.class)
                .orElse(false);
        pollInterval = duration(config, "SEATKEEPER_WEBHOOK_POLL_INTERVAL", "PT0.2S");
    }

    private static Duration duration(Config config, String key, String fallback) {
        return Duration.parse(config.getOptionalValue(key, String.class).orElse(fallback));
    }

    /** The first retry's delay ({@code SEATKEEPER_WEBHOOK_RETRY_BASE}, default 4 s); each next one doubles. */
    public Duration retryBase() {
        return retryBase;
    }

    /** The longest delay between two attempts ({@code SEATKEEPER_WEBHOOK_RETRY_MAX_INTERVAL}, default 1 h). */
    public Duration retryMaxInterval() {
        return retryMaxInterval;
    }

    /** How long an event is retried before it fails ({@code SEATKEEPER_WEBHOOK_RETRY_FOR}, default 3 days). */
    public Duration retryFor() {
        return retryFor;
    }

    /** Failed events in a row that disable an endpoint ({@code SEATKEEPER_WEBHOOK_DISABLE_AFTER}, default 10). */
    public int disableAfter() {
        return disableAfter;
    }

    /** How long a replaced secret still signs ({@code SEATKEEPER_WEBHOOK_SECRET_OVERLAP}, default 24 h). */
    public Duration secretOverlap() {
        return secretOverlap;
    }

    /** Whether {@code http://} endpoints are allowed beyond loopback hosts ({@code SEATKEEPER_WEBHOOK_ALLOW_HTTP}). */
    public boolean allowHttp() {
        return allowHttp;
    }

    /** Whether endpoints may resolve to private or link-local addresses ({@code SEATKEEPER_WEBHOOK_ALLOW_PRIVATE}). */
    public boolean allowPrivate() {
        return allowPrivate;
    }

    /** How often the worker looks for due deliveries ({@code SEATKEEPER_WEBHOOK_POLL_INTERVAL}, default 0.2 s). */
    public Duration pollInterval() {
        return pollInterval;
    }
}

package dev.seatkeeper.webhooks;

import dev.seatkeeper.platform.BaseEntity;
import dev.seatkeeper.platform.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A merchant's receiver: where an organization's events of the subscribed types are posted. Its signing secret is
 * kept sealed ({@link dev.seatkeeper.security.SecretSealer}); after a reset the previous one stays valid until
 * {@code previousSecretUntil}, and deliveries carry a signature under each.
 */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint extends BaseEntity {
    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(nullable = false, length = 2048)
    private String url;

    @Column(length = 256)
    private String name;

    @Column(nullable = false, length = 16)
    private String format;
    /** The subscribed event types, space-separated, in the order given. */
    @Column(nullable = false, length = 2000)
    private String events;

    @Column(name = "secret_sealed", nullable = false, length = 512)
    private String secretSealed;

    @Column(name = "previous_secret_sealed", length = 512)
    private String previousSecretSealed;

    @Column(name = "previous_secret_until")
    private OffsetDateTime previousSecretUntil;

    /** The API version its payloads are rendered for (Polar since 2026-09). */
    @Column(name = "api_version", nullable = false, length = 16)
    private String apiVersion;

    /**
     * Whether its current secret has the Standard Webhooks format (made since that change); endpoints made before keep
     * their secret and the legacy signature alone until a reset.
     */
    @Column(name = "uses_standard_webhook_signature", nullable = false)
    private boolean usesStandardWebhookSignature;

    @Column(nullable = false)
    private boolean enabled;
    /** Events that failed (retries exhausted) since the last one that succeeded. */
    @Column(name = "failed_events_in_a_row", nullable = false)
    private int failedEventsInARow;

    protected WebhookEndpoint() {}

    WebhookEndpoint(
            UUID organizationId,
            String url,
            String name,
            String format,
            List<String> events,
            String apiVersion,
            String secretSealed) {
        super(Timestamps.now());
        this.organizationId = organizationId;
        this.url = url;
        this.name = name;
        this.format = format;
        this.events = String.join(" ", events);
        this.apiVersion = apiVersion;
        this.secretSealed = secretSealed;
        this.usesStandardWebhookSignature = true;
        this.enabled = true;
    }

    /** Changes what a PATCH names; {@code null} keeps a value. Re-enabling starts the failure count afresh. */
    void update(String url, String name, String format, List<String> events, String apiVersion, Boolean enabled) {
        if (url != null) {
            this.url = url;
        }
        if (name != null) {
            this.name = name;
        }
        if (format != null) {
            this.format = format;
        }
        if (events != null) {
            this.events = String.join(" ", events);
        }
        if (apiVersion != null) {
            this.apiVersion = apiVersion;
        }
        if (enabled != null) {
            if (enabled && !this.enabled) {
                failedEventsInARow = 0;
            }
            this.enabled = enabled;
        }
        touch();
    }

    /**
     * A new secret, always of the Standard Webhooks format; the current one stays valid until {@code previousUntil}
     * (UTC), signing as its own format does.
     */
    void replaceSecret(String newSealed, OffsetDateTime previousUntil) {
        this.previousSecretSealed = secretSealed;
        this.previousSecretUntil = previousUntil;
        this.secretSealed = newSealed;
        this.usesStandardWebhookSignature = true;
        touch();
    }

    /** An event to this endpoint succeeded: the count of failed events in a row starts again. */
    void eventSucceeded() {
        if (failedEventsInARow != 0) {
            failedEventsInARow = 0;
            touch();
        }
    }

    /**
     * An event to this endpoint failed for good. Returns whether the endpoint is now disabled: after
     * {@code disableAfter} failed events in a row, as Polar does.
     */
    boolean eventFailed(int disableAfter) {
        failedEventsInARow++;
        if (failedEventsInARow >= disableAfter) {
            enabled = false;
        }
        touch();
        return !enabled;
    }

    /** The receiver answered {@code 410 Gone}: it wants nothing more (Beyond Polar: disabled at once). */
    void disable() {
        enabled = false;
        touch();
    }

    boolean subscribes(String type) {
        return eventTypes().contains(type);
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String url() {
        return url;
    }

    public String name() {
        return name;
    }

    public String format() {
        return format;
    }

    public List<String> eventTypes() {
        return events.isEmpty() ? List.of() : Arrays.asList(events.split(" "));
    }

    /** The API version its payloads are rendered for. */
    public String apiVersion() {
        return apiVersion;
    }

    /** Whether its current secret has the Standard Webhooks format ({@code uses_standard_webhook_signature}). */
    public boolean usesStandardWebhookSignature() {
        return usesStandardWebhookSignature;
    }

    String secretSealed() {
        return secretSealed;
    }

    /** The previous secret while it is still valid at {@code now}, else {@code null}. */
    String previousSecretSealed(OffsetDateTime now) {
        return previousSecretUntil != null && previousSecretUntil.isAfter(now) ? previousSecretSealed : null;
    }

    public boolean enabled() {
        return enabled;
    }
}

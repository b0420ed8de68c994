package dev.seatkeeper.webhooks;

import dev.seatkeeper.events.Event;
import dev.seatkeeper.platform.BaseEntity;
import dev.seatkeeper.platform.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One outbox event on its way to one endpoint (Polar's WebhookEvent): its status, its attempts so far, when the next
 * one is due, and the lease of the instance that is making one. Its id is the {@code webhook-id} of every attempt, so
 * a receiver can tell a retry from a new event.
 */
@Entity
@Table(name = "webhook_events")
public class WebhookEvent extends BaseEntity {
    /** Where an event stands with its endpoint. */
    enum Status {
        /** Waiting for its turn or its next attempt. */
        PENDING,
        /** A 2xx answer arrived. */
        SUCCEEDED,
        /** Every attempt within the retry window failed. */
        FAILED,
        /** The endpoint was disabled while it waited: it will not be sent. */
        SKIPPED
    }

    @ManyToOne(optional = false)
    @JoinColumn(name = "endpoint_id", nullable = false)
    private WebhookEndpoint endpoint;

    @ManyToOne(optional = false)
    @JoinColumn(name = "event_id", nullable = false)
    private Event event;
    /** The outbox's order of recording: an endpoint's events go out in this order. */
    @Column(nullable = false)
    private long seq;

    @Column(nullable = false, length = 64)
    private String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(nullable = false)
    private int attempts;
    /** Where the retry window starts: when the event was fanned out, or redelivered. */
    @Column(name = "retry_from", nullable = false)
    private OffsetDateTime retryFrom;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;
    /** Until when an instance holds the attempt in flight; another may take it after that (a crashed sender). */
    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "last_http_code")
    private Integer lastHttpCode;
    /** The API version the event is rendered for: its endpoint's when it was handed over. */
    @Column(name = "api_version", nullable = false, length = 16)
    private String apiVersion;

    protected WebhookEvent() {}

    WebhookEvent(WebhookEndpoint endpoint, Event event, long seq) {
        super(Timestamps.now());
        this.endpoint = endpoint;
        this.event = event;
        this.seq = seq;
        this.type = event.type();
        this.apiVersion = endpoint.apiVersion();
        this.status = Status.PENDING;
        this.retryFrom = createdAt();
        this.nextAttemptAt = createdAt();
    }

    /** The attempt succeeded. */
    void succeeded(Integer httpCode) {
        attempts++;
        lastHttpCode = httpCode;
        status = Status.SUCCEEDED;
        nextAttemptAt = null;
        leaseUntil = null;
        touch();
    }

    /** The attempt failed; the next one is due at {@code next}, or never ({@code null}): the event has failed. */
    void attemptFailed(Integer httpCode, OffsetDateTime next) {
        attempts++;
        lastHttpCode = httpCode;
        status = next == null ? Status.FAILED : Status.PENDING;
        nextAttemptAt = next;
        leaseUntil = null;
        touch();
    }

    /** Sent again on request: pending at once, with a fresh retry window. */
    void redeliver(OffsetDateTime now) {
        status = Status.PENDING;
        retryFrom = now;
        nextAttemptAt = now;
        leaseUntil = null;
        touch();
    }

    public WebhookEndpoint endpoint() {
        return endpoint;
    }

    public Event event() {
        return event;
    }

    public String type() {
        return type;
    }

    /** The API version it is rendered for (Polar's WebhookEvent {@code api_version}). */
    public String apiVersion() {
        return apiVersion;
    }

    /**
     * The body as it is posted: the outbox payload with {@code "api_version"} beside {@code type}, {@code timestamp}
     * and {@code data} (contract, "Events (webhooks)"); {@code null} once archived. The seat and member payloads are
     * the same in every version, so only the version key differs between endpoints.
     */
    public String body() {
        String payload = event.payload();
        if (payload == null) {
            return null;
        }
        // The payload starts {"type":"…","timestamp":"…","data": and neither value can hold this text, so its first
        // occurrence is the top-level key; a version is digits and a hyphen, nothing to escape.
        int data = payload.indexOf(",\"data\":");
        return payload.substring(0, data) + ",\"api_version\":\"" + apiVersion + "\"" + payload.substring(data);
    }

    Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    OffsetDateTime retryFrom() {
        return retryFrom;
    }

    public Integer lastHttpCode() {
        return lastHttpCode;
    }

    /** Polar's {@code succeeded}: true or false once decided, {@code null} while pending or skipped. */
    public Boolean succeeded() {
        return switch (status) {
            case SUCCEEDED -> true;
            case FAILED -> false;
            default -> null;
        };
    }

    public boolean skipped() {
        return status == Status.SKIPPED;
    }
}

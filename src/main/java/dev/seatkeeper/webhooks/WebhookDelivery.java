package dev.seatkeeper.webhooks;

import dev.seatkeeper.platform.BaseEntity;
import dev.seatkeeper.platform.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** One attempt to post a {@link WebhookEvent} (Polar's WebhookDelivery): what the receiver answered, if anything. */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery extends BaseEntity {
    /** Polar keeps the first 2,048 characters of a receiver's answer. */
    static final int RESPONSE_CHARS = 2048;

    @ManyToOne(optional = false)
    @JoinColumn(name = "webhook_event_id", nullable = false)
    private WebhookEvent webhookEvent;

    @Column(name = "endpoint_id", nullable = false)
    private UUID endpointId;

    @Column(nullable = false)
    private boolean succeeded;

    @Column(name = "http_code")
    private Integer httpCode;

    @Column(length = RESPONSE_CHARS)
    private String response;

    protected WebhookDelivery() {}

    /** @param response the receiver's body or why there was none; cut to {@link #RESPONSE_CHARS} characters */
    WebhookDelivery(WebhookEvent webhookEvent, boolean succeeded, Integer httpCode, String response) {
        super(Timestamps.now());
        this.webhookEvent = webhookEvent;
        this.endpointId = webhookEvent.endpoint().id();
        this.succeeded = succeeded;
        this.httpCode = httpCode;
        this.response = response == null || response.length() <= RESPONSE_CHARS
                ? response
                : response.substring(0, RESPONSE_CHARS);
    }

    public WebhookEvent webhookEvent() {
        return webhookEvent;
    }

    public boolean succeeded() {
        return succeeded;
    }

    public Integer httpCode() {
        return httpCode;
    }

    public String response() {
        return response;
    }
}

package dev.seatkeeper.webhooks;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The webhook bodies of Polar's API, with the keys of its SDK 0.49.0 models. */
public final class WebhookResponses {
    private WebhookResponses() {}

    /** Polar's WebhookEndpoint: the secret is part of it (the SDK requires the field). */
    public record WebhookEndpointResponse(
            OffsetDateTime createdAt,
            OffsetDateTime modifiedAt,
            UUID id,
            String url,
            String name,
            String format,
            String secret,
            UUID organizationId,
            List<String> events,
            boolean enabled,
            String apiVersion,
            boolean usesStandardWebhookSignature) {
        public static WebhookEndpointResponse of(WebhookEndpointService.EndpointView view) {
            var e = view.endpoint();
            return new WebhookEndpointResponse(
                    e.createdAt(),
                    e.modifiedAt(),
                    e.id(),
                    e.url(),
                    e.name(),
                    e.format(),
                    view.secret(),
                    e.organizationId(),
                    e.eventTypes(),
                    e.enabled(),
                    e.apiVersion(),
                    e.usesStandardWebhookSignature());
        }
    }

    /**
     * Polar's WebhookEvent: one event to one endpoint; {@code payload} is the body as sent (JSON text, with its
     * {@code api_version}), {@code null} once archived; {@code api_version} the version it was rendered for.
     */
    public record WebhookEventResponse(
            OffsetDateTime createdAt,
            OffsetDateTime modifiedAt,
            UUID id,
            Integer lastHttpCode,
            Boolean succeeded,
            boolean skipped,
            String payload,
            String type,
            boolean isArchived,
            String apiVersion) {
        public static WebhookEventResponse of(WebhookEvent w) {
            return new WebhookEventResponse(
                    w.createdAt(),
                    w.modifiedAt(),
                    w.id(),
                    w.lastHttpCode(),
                    w.succeeded(),
                    w.skipped(),
                    w.body(),
                    w.type(),
                    w.event().isArchived(),
                    w.apiVersion());
        }
    }

    /** Polar's WebhookDelivery: one attempt, with its event. */
    public record WebhookDeliveryResponse(
            OffsetDateTime createdAt,
            OffsetDateTime modifiedAt,
            UUID id,
            boolean succeeded,
            Integer httpCode,
            String response,
            WebhookEventResponse webhookEvent) {
        public static WebhookDeliveryResponse of(WebhookDelivery d) {
            return new WebhookDeliveryResponse(
                    d.createdAt(),
                    d.modifiedAt(),
                    d.id(),
                    d.succeeded(),
                    d.httpCode(),
                    d.response(),
                    WebhookEventResponse.of(d.webhookEvent()));
        }
    }
}

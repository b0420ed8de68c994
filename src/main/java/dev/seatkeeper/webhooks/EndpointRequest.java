package dev.seatkeeper.webhooks;

import dev.seatkeeper.platform.ApiVersions;
import dev.seatkeeper.platform.JsonBody;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The body of {@code POST /v1/webhooks/endpoints} or {@code PATCH /v1/webhooks/endpoints/{id}} (Polar's
 * WebhookEndpointCreate and WebhookEndpointUpdate), read the way Polar's validation answers: event types from Polar's
 * WebhookEventType, a {@code format} Polar knows. On create, every field but {@code name} and {@code organization_id}
 * is required; on update each field is optional and {@code null} keeps the value. {@code api_version} (Polar since
 * 2026-09) is one of the served versions and not later than the request's own (contract, "Events (webhooks)").
 */
record EndpointRequest(
        Optional<String> url,
        Optional<String> name,
        Optional<String> format,
        Optional<List<String>> events,
        Optional<Boolean> enabled,
        Optional<UUID> organizationId,
        Optional<String> apiVersion) {
    /**
     * Polar's WebhookEventType values and Seatkeeper's own; only the seat, seat pool, member and
     * {@code subscription.cycled} events are ever recorded by Seatkeeper.
     */
    static final List<String> EVENT_TYPES = List.of(
            "checkout.created",
            "checkout.updated",
            "checkout.expired",
            "customer.created",
            "customer.updated",
            "customer.deleted",
            "customer.state_changed",
            "customer_seat.assigned",
            "customer_seat.claimed",
            "customer_seat.revoked",
            // Beyond Polar (contract, "Beyond Polar, general rules for what follows"): delivered only to endpoints
            // that list them, since Polar's SDK 0.49.0 validateEvent throws on a type it does not know.
            "customer_seat.revocation_scheduled",
            "customer_seat.revocation_canceled",
            "customer_seat_pool.threshold_reached",
            "customer_seat_pool.full",
            "customer_seat.inactivity_warning",
            "subscription.cycled",
            "member.created",
            "member.updated",
            "member.deleted",
            "order.created",
            "order.updated",
            "order.paid",
            "order.refunded",
            "subscription.created",
            "subscription.updated",
            "subscription.active",
            "subscription.canceled",
            "subscription.uncanceled",
            "subscription.revoked",
            "subscription.past_due",
            "subscription.paused",
            "subscription.resumed",
            "refund.created",
            "refund.updated",
            "product.created",
            "product.updated",
            "benefit.created",
            "benefit.updated",
            "benefit_grant.created",
            "benefit_grant.cycled",
            "benefit_grant.updated",
            "benefit_grant.revoked",
            "organization.updated");
    /** Polar's WebhookFormat values; only {@code raw} is delivered (Discord and Slack formats are not). */
    static final List<String> FORMATS = List.of("raw", "discord", "slack");

    static final int URL_MAX_LENGTH = 2048;

    /**
     * Reads a create body. Raises 422 ({@link dev.seatkeeper.platform.RequestValidationException}) with pydantic's
     * issues: {@code missing}, {@code string_type}, {@code enum} at the field or the list item, {@code value_error} for
     * a URL the endpoint rules refuse, {@code literal_error} for a format other than {@code raw}; for
     * {@code api_version}, {@code enum} naming the served versions for one that is not served, {@code value_error} for
     * one later than {@code requestVersion}.
     *
     * @param versions the served versions
     * @param requestVersion the version the request itself is made with (its {@code Polar-Version}, or the default)
     */
    static EndpointRequest forCreate(
            JsonBody body, EndpointAddresses addresses, ApiVersions versions, String requestVersion) {
        var url = body.requiredString("url", URL_MAX_LENGTH);
        var name = body.optionalString("name");
        var format = body.requiredEnum("format", FORMATS);
        var events = body.requiredStringList("events");
        var organizationId = body.optionalUuid("organization_id");
        var apiVersion = apiVersion(body, versions, requestVersion);
        var request = new EndpointRequest(
                Optional.ofNullable(url),
                name,
                Optional.ofNullable(format),
                Optional.of(events),
                Optional.empty(),
                organizationId,
                apiVersion);
        request.checkRules(body, addresses);
        return request;
    }

    /** Reads an update body; raises 422 as {@link #forCreate} does, for the fields present. */
    static EndpointRequest forUpdate(
            JsonBody body, EndpointAddresses addresses, ApiVersions versions, String requestVersion) {
        var request = new EndpointRequest(
                body.optionalString("url", URL_MAX_LENGTH),
                body.optionalString("name"),
                body.optionalEnum("format", FORMATS),
                body.optionalStringList("events"),
                body.optionalBoolean("enabled"),
                Optional.empty(),
                apiVersion(body, versions, requestVersion));
        request.checkRules(body, addresses);
        return request;
    }

    /**
     * {@code api_version}: a served version, and none later than the request's own, since a client cannot know the
     * payloads of a version newer than the one it speaks (contract, "Events (webhooks)").
     */
    private static Optional<String> apiVersion(JsonBody body, ApiVersions versions, String requestVersion) {
        var version = body.optionalEnum("api_version", versions.served());
        version.filter(v -> ApiVersions.isLater(v, requestVersion))
                .ifPresent(v -> body.reject(
                        "api_version",
                        "value_error",
                        "Value error, API version " + v + " is later than the request's version " + requestVersion
                                + "."));
        return version;
    }

    private void checkRules(JsonBody body, EndpointAddresses addresses) {
        events.ifPresent(list -> {
            for (int i = 0; i < list.size(); i++) {
                if (!EVENT_TYPES.contains(list.get(i))) {
                    body.rejectItem(
                            "events", i, "enum", "Input should be one of Polar's webhook event types", list.get(i));
                }
            }
        });
        format.filter(f -> !f.equals("raw"))
                .ifPresent(f -> body.reject(
                        "format", "value_error", "Value error, Only the 'raw' format is delivered by Seatkeeper"));
        body.check();
        url.flatMap(addresses::problem).ifPresent(problem -> {
            body.reject("url", "value_error", "Value error, " + problem);
            body.check();
        });
    }

    /** The event types without repeats, in the order given. */
    List<String> distinctEvents() {
        return events.map(list -> List.copyOf(new LinkedHashSet<>(list))).orElse(List.of());
    }
}

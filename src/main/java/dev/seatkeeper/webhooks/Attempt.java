package dev.seatkeeper.webhooks;

import java.util.List;
import java.util.UUID;

/**
 * One attempt the worker has leased: which event ({@code webhookEventId}, also the {@code webhook-id}) goes to which
 * URL, the body to post (the outbox payload, {@code null} when archived), and the secrets in clear to sign it with
 * (the current one first, then the previous one during its overlap; none when they cannot be opened).
 */
record Attempt(UUID webhookEventId, UUID endpointId, String url, String body, List<String> secrets) {}

/**
 * Webhooks (contract, "Events (webhooks)"): the endpoint API merchants register their receivers with, and the delivery
 * worker that reads the {@code events} outbox, fans each event out to the organization's subscribed endpoints
 * ({@link dev.seatkeeper.webhooks.WebhookEvent}, one per event and endpoint), signs each body the Standard Webhooks
 * way Polar does, and posts it with retries, recording every attempt ({@link dev.seatkeeper.webhooks.WebhookDelivery}).
 * All delivery state is in the database: a restart or a crash loses nothing, and with several instances each attempt
 * is leased by one of them.
 *
 * <p>May depend on platform, security and events.
 */
package dev.seatkeeper.webhooks;

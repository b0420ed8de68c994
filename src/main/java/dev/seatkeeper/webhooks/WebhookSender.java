package dev.seatkeeper.webhooks;

import com.standardwebhooks.exceptions.WebhookSigningException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;

/**
 * Posts one attempt the way Polar does (contract, "Delivery"), so that Polar's SDK {@code validateEvent} and any
 * Standard Webhooks verifier accept it: headers {@code webhook-id}, {@code webhook-timestamp} (unix seconds) and
 * {@code webhook-signature} ({@code v1,<base64 HMAC-SHA256>}, space-separated: under each secret the Standard Webhooks
 * signature and Polar's legacy one, see {@link EndpointSecrets}), signed by the Standard Webhooks library. The host's
 * addresses are checked again first; redirects are not followed (a redirect could point inward).
 */
final class WebhookSender {
    /** The contract's limit: an answer must arrive within 10 s. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final EndpointAddresses addresses;

    /**
     * The client keeps its own I/O threads: given the managed executor the attempts run on, an attempt blocked in
     * {@code send} could wait for a client task queued behind it on the same few threads.
     */
    WebhookSender(EndpointAddresses addresses) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.addresses = addresses;
    }

    /** Makes the attempt; never throws: every failure is an {@link Outcome} without a status. */
    Outcome send(Attempt attempt) {
        if (attempt.body() == null) {
            return Outcome.noAnswer("Not sent: the event's payload was archived.");
        }
        if (attempt.secrets().isEmpty()) {
            return Outcome.noAnswer("Not sent: the endpoint's signing secret cannot be opened with this"
                    + " SEATKEEPER_SECRET (was it changed?); reset the endpoint's secret.");
        }
        URI uri = URI.create(attempt.url());
        var refused = addresses.unreachable(uri.getHost());
        if (refused.isPresent()) {
            return Outcome.noAnswer("Not sent: " + refused.get() + ".");
        }
        long timestamp = System.currentTimeMillis() / 1000;
        String id = attempt.webhookEventId().toString();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri)
                    .timeout(TIMEOUT)
                    .header("content-type", "application/json")
                    .header("user-agent", "Seatkeeper webhooks")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signatures(attempt, id, timestamp))
                    .POST(HttpRequest.BodyPublishers.ofString(attempt.body(), StandardCharsets.UTF_8))
                    .build();
        } catch (WebhookSigningException e) {
            return Outcome.noAnswer("Not sent: the payload could not be signed.");
        }
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                // At most what is kept, in bytes of UTF-8: a large answer is not read whole.
                body = new String(in.readNBytes(WebhookDelivery.RESPONSE_CHARS * 4), StandardCharsets.UTF_8);
            }
            return new Outcome(response.statusCode(), body, response.headers().firstValue("retry-after"));
        } catch (HttpTimeoutException e) {
            return Outcome.noAnswer("No answer within " + TIMEOUT.toSeconds() + " s.");
        } catch (IOException e) {
            return Outcome.noAnswer("Connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.noAnswer("Interrupted while sending.");
        }
    }

    private static String signatures(Attempt attempt, String id, long timestamp) throws WebhookSigningException {
        var signatures = new ArrayList<String>();
        for (String secret : attempt.secrets()) {
            signatures.addAll(EndpointSecrets.signatures(secret, id, timestamp, attempt.body()));
        }
        return String.join(" ", signatures);
    }
}

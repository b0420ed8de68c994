package dev.seatkeeper.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import dev.seatkeeper.platform.Randomness;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Endpoint secrets and their signatures (contract, "Events (webhooks)", Delivery). A secret made since Polar's change
 * of 2026-09-08 is {@code whsec_} + standard base64 (padded, 44 characters) of 32 random bytes, and a delivery carries
 * two signatures under it: Standard Webhooks' (key = the decoded bytes after {@code whsec_}, what SDK 1.0.1 and any
 * Standard Webhooks library check) and Polar's legacy one (key = the UTF-8 bytes of the whole secret, what SDK 0.49.0
 * checks). A secret of the earlier format signs only the legacy way: its receivers were told nothing else.
 */
final class EndpointSecrets {
    /** Polar's secret prefix. */
    static final String PREFIX = "whsec_";

    private static final int KEY_BYTES = 32;
    private static final int ENCODED_LENGTH = 44;

    private EndpointSecrets() {}

    /** A new secret in the Standard Webhooks format. */
    static String generate() {
        return PREFIX + Base64.getEncoder().encodeToString(Randomness.bytes(KEY_BYTES));
    }

    /**
     * Whether {@code secret} has the Standard Webhooks format ({@code whsec_} and 44 characters of standard base64 of
     * 32 bytes); a secret of the earlier format ({@code whsec_} and a URL-safe token) does not.
     */
    static boolean isStandard(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() != PREFIX.length() + ENCODED_LENGTH) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(secret.substring(PREFIX.length())).length == KEY_BYTES;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /**
     * The {@code v1,<base64>} signatures of one delivery under one secret: the Standard Webhooks one first (for a
     * secret of that format), then the legacy one.
     *
     * @throws WebhookSigningException when the HMAC cannot be computed
     */
    static List<String> signatures(String secret, String id, long timestamp, String body)
            throws WebhookSigningException {
        String legacy = new Webhook(secret.getBytes(StandardCharsets.UTF_8)).sign(id, timestamp, body);
        if (!isStandard(secret)) {
            return List.of(legacy);
        }
        return List.of(new Webhook(secret).sign(id, timestamp, body), legacy);
    }
}

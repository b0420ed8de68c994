package dev.seatkeeper.webhooks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets and signatures without a server (contract, "Events (webhooks)", Delivery). */
class EndpointSecretsTest {
    /** A secret of the format made before Polar's 2026-09-08 change (upgrade fixture, commit e3199ff). */
    private static final String LEGACY = "whsec_ZAP02sF2B1v2aqaD2yQ5nq3d1yQTmAsngL4TN1pshA2";

    private static Map<String, List<String>> headers(String id, long timestamp, List<String> signatures) {
        return Map.of(
                "webhook-id", List.of(id),
                "webhook-timestamp", List.of(Long.toString(timestamp)),
                "webhook-signature", List.of(String.join(" ", signatures)));
    }

    @Test
    void aNewSecretIsWhsecAndPaddedBase64Of32Bytes() {
        String secret = EndpointSecrets.generate();
        assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{43}="), secret);
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertTrue(EndpointSecrets.isStandard(secret));
        assertFalse(EndpointSecrets.isStandard(LEGACY));
        assertFalse(EndpointSecrets.isStandard("whsec_" + "A".repeat(43) + "!"));
    }

    @Test
    void aNewSecretSignsBothWaysAndALegacyOneTheLegacyWayAlone() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String body = "{\"type\":\"member.created\"}";
        String secret = EndpointSecrets.generate();
        var both = EndpointSecrets.signatures(secret, "msg_1", now, body);
        assertEquals(2, both.size());
        var standard = new Webhook(secret);
        var legacy = new Webhook(secret.getBytes(StandardCharsets.UTF_8));
        assertDoesNotThrow(() -> standard.verify(body, headers("msg_1", now, both.subList(0, 1))));
        assertDoesNotThrow(() -> legacy.verify(body, headers("msg_1", now, both.subList(1, 2))));
        assertThrows(
                WebhookVerificationException.class, () -> standard.verify(body + " ", headers("msg_1", now, both)));

        var old = EndpointSecrets.signatures(LEGACY, "msg_1", now, body);
        assertEquals(1, old.size());
        assertDoesNotThrow(
                () -> new Webhook(LEGACY.getBytes(StandardCharsets.UTF_8)).verify(body, headers("msg_1", now, old)));
    }
}

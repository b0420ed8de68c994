package dev.seatkeeper.security;

import dev.seatkeeper.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a token under the server secret, as lowercase hex. Only this is stored: a leaked database
 * gives no usable token, and a look-up by hash needs no constant-time comparison.
 */
@ApplicationScoped
public class TokenHasher {
    @Inject
    Settings settings;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        key = new SecretKeySpec(settings.secret(), "HmacSHA256");
    }

    public String hash(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}

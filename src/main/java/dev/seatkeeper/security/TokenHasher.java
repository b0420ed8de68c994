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

    /** Keyed once; each hash works on a clone, as a {@code Mac} is not thread-safe and a look-up costs more than a copy. */
    private Mac keyed;

    @PostConstruct
    void init() {
        try {
            keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(settings.secret(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Returns the 64 lowercase hex digits of HMAC-SHA256(secret, UTF-8 bytes of {@code token}). */
    public String hash(String token) {
        try {
            Mac mac = (Mac) keyed.clone();
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be copied", e);
        }
    }
}

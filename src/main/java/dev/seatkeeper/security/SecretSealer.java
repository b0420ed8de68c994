package dev.seatkeeper.security;

import dev.seatkeeper.platform.Randomness;
import dev.seatkeeper.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets the service must read back (webhook signing secrets; contract, "Security boundaries"), so that
 * a copy of the database alone does not give them away. AES-256-GCM under a key derived from {@code SEATKEEPER_SECRET}
 * (HMAC-SHA256 of a fixed label, so the key differs from the token-hashing key); each value gets a random 12-byte
 * nonce. Instances sharing a database must share {@code SEATKEEPER_SECRET}, as they must for token hashes.
 */
@ApplicationScoped
public class SecretSealer {
    private static final String LABEL = "seatkeeper sealed secrets v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject
    Settings settings;

    private SecretKey key;

    @PostConstruct
    void deriveKey() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.secret(), "HmacSHA256"));
            key = new SecretKeySpec(mac.doFinal(LABEL.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** The sealed form of {@code plain}: base64 of nonce and ciphertext with its tag, at most 4/3 × (28 + length) characters. */
    public String seal(String plain) {
        byte[] nonce = Randomness.bytes(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * The plain value of a {@link #seal}ed one. Raises {@link IllegalStateException} when it was sealed under another
     * {@code SEATKEEPER_SECRET} or altered: the authentication tag does not match.
     */
    public String open(String sealed) {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed secret cannot be opened: was SEATKEEPER_SECRET changed?", e);
        }
    }
}

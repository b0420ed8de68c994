package dev.seatkeeper.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.Inflater;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;

/**
 * Verifies a compact JWS as a merchant's app would offline: the key named by {@code kid} must be in the organization's
 * JWK Set, {@code alg} must be EdDSA, and the signature must hold. A test-side check with jose4j, independent of the
 * service's own code paths.
 */
public final class EntitlementVerifier {
    private EntitlementVerifier() {}

    /** A verified token: its protected header and its claims. */
    public record Verified(JsonObject header, JsonObject claims) {}

    /** The verified header and claims, or empty when the key is not published or the signature fails. */
    public static Optional<Verified> verify(String token, String jwks) {
        try {
            var jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "EdDSA"));
            jws.setCompactSerialization(token);
            var key = new JsonWebKeySet(jwks)
                    .getJsonWebKeys().stream()
                            .filter(k -> k.getKeyId().equals(jws.getKeyIdHeaderValue()))
                            .findFirst();
            if (key.isEmpty()) {
                return Optional.empty();
            }
            jws.setKey(((PublicJsonWebKey) key.get()).getPublicKey());
            if (!jws.verifySignature()) {
                return Optional.empty();
            }
            return Optional.of(
                    new Verified(object(jws.getHeaders().getFullHeaderAsJsonString()), object(jws.getPayload())));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The bit at {@code index} of a status list's {@code lst} (zlib, base64url; index 0 = least significant bit). */
    public static int bit(String lst, int index) throws Exception {
        var inflater = new Inflater();
        inflater.setInput(Base64.getUrlDecoder().decode(lst));
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && inflater.needsInput()) {
                break;
            }
            out.write(buffer, 0, n);
        }
        byte[] bits = out.toByteArray();
        return (bits[index / 8] >> (index % 8)) & 1;
    }

    private static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}

package dev.seatkeeper.entitlements;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * The JOSE work, done by jose4j on the JDK's Ed25519 provider: making an Ed25519 key pair as a JWK, reading one back,
 * publishing public keys as a JWK Set, and signing a compact JWS ({@code alg} {@code EdDSA}, RFC 8037).
 */
final class Jose {
    static final String ALGORITHM = AlgorithmIdentifiers.EDDSA;
    static final int KID_LENGTH = 16;

    private Jose() {}

    /** A new pair as a JWK: {@code kty} OKP, {@code crv} Ed25519, {@code x}, {@code d}, {@code kid} the start of its thumbprint. */
    static OctetKeyPairJsonWebKey newKeyPair() {
        try {
            var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            var jwk = (OctetKeyPairJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            jwk.setPrivateKey(pair.getPrivate());
            // The first 16 characters (96 bits) of the RFC 7638 thumbprint: unique enough, and the token stays small.
            jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256").substring(0, KID_LENGTH));
            return jwk;
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("Ed25519 is unavailable in this JVM", e);
        }
    }

    /** The {@code x} and {@code d} members (base64url) of a pair made by {@link #newKeyPair}. */
    static Map<String, Object> members(OctetKeyPairJsonWebKey jwk) {
        return jwk.toParams(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
    }

    /** The public JWK of a stored key, with {@code kid}, {@code use} sig and {@code alg} EdDSA. */
    static PublicJsonWebKey publicJwk(String kid, String x) {
        try {
            var jwk = PublicJsonWebKey.Factory.newPublicJwk(
                    Map.of("kty", "OKP", "crv", "Ed25519", "x", x, "kid", kid, "use", "sig", "alg", ALGORITHM));
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException("A stored public key cannot be read", e);
        }
    }

    /** The private key of a stored pair. */
    static PrivateKey privateKey(String x, String d) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(Map.of("kty", "OKP", "crv", "Ed25519", "x", x, "d", d))
                    .getPrivateKey();
        } catch (JoseException e) {
            throw new IllegalStateException("A stored private key cannot be read", e);
        }
    }

    /** {@code {"keys": [...]}} of the public halves, in the order given. */
    static String keySet(List<PublicJsonWebKey> keys) {
        return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** The compact JWS of the claims, with header {@code alg} EdDSA, {@code typ} and {@code kid}. */
    static String sign(JwtClaims claims, String type, String kid, PrivateKey key) {
        var jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(ALGORITHM);
        jws.setHeader("typ", type);
        jws.setKeyIdHeaderValue(kid);
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Signing failed", e);
        }
    }
}

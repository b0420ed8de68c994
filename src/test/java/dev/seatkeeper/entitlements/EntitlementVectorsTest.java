package dev.seatkeeper.entitlements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seatkeeper.testing.EntitlementVerifier;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

/**
 * The README's test vectors (docs/entitlements/vectors.json, made by a real server with make-vectors.mjs) still give
 * their verdicts with a standard JOSE library: the published keys, claims, exp and status bits they were made with.
 */
class EntitlementVectorsTest {
    @Test
    void everyVectorGivesItsVerdict() throws Exception {
        JsonObject vectors;
        try (var reader =
                Json.createReader(new StringReader(Files.readString(Path.of("docs/entitlements/vectors.json"))))) {
            vectors = reader.readObject();
        }
        var keys = new JwksVerificationKeyResolver(
                new JsonWebKeySet(vectors.getJsonObject("jwks").toString()).getJsonWebKeys());
        String issuer = vectors.getString("issuer");
        JwtClaims list = new JwtConsumerBuilder()
                .setVerificationKeyResolver(keys)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "EdDSA")
                .setExpectedType(true, "statuslist+jwt")
                .setSkipDefaultAudienceValidation()
                .setEvaluationTime(NumericDate.fromSeconds(vectors.getJsonArray("cases")
                        .getJsonObject(0)
                        .getJsonNumber("verify_at")
                        .longValue()))
                .build()
                .processToClaims(vectors.getString("status_list"));
        String lst = (String) list.getClaimValue("status_list", Map.class).get("lst");
        for (var c : vectors.getJsonArray("cases").getValuesAs(JsonObject.class)) {
            String verdict;
            try {
                JwtClaims claims = new JwtConsumerBuilder()
                        .setVerificationKeyResolver(keys)
                        .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "EdDSA")
                        .setExpectedType(true, "seat-entitlement+jwt")
                        .setExpectedIssuer(issuer)
                        .setRequireExpirationTime()
                        .setEvaluationTime(NumericDate.fromSeconds(
                                c.getJsonNumber("verify_at").longValue()))
                        .build()
                        .processToClaims(c.getString("token"));
                int idx = ((Number) ((Map<?, ?>) claims.getClaimValue("status", Map.class)
                                        .get("status_list"))
                                .get("idx"))
                        .intValue();
                verdict = EntitlementVerifier.bit(lst, idx) == 1 ? "revoked" : "valid";
                if (c.containsKey("claims")) {
                    assertEquals(c.getJsonObject("claims").getString("seat_id"), claims.getClaimValue("seat_id"));
                }
            } catch (InvalidJwtException e) {
                verdict = e.hasErrorCode(ErrorCodes.EXPIRED)
                        ? "expired"
                        : e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) ? "invalid_signature" : e.getMessage();
            }
            assertEquals(c.getString("verdict"), verdict, c.getString("name"));
        }
        assertTrue(vectors.getJsonArray("cases").size() >= 4);
    }
}

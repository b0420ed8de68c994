import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.zip.InflaterInputStream;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Checks an offline seat entitlement with jose4j (org.bitbucket.b_c:jose4j:0.9.6, and org.slf4j:slf4j-api; Java 17+):
 *
 * <pre>java -cp jose4j-0.9.6.jar:slf4j-api-1.7.36.jar VerifySeat.java \
 *     https://seats.example.com/v1/organizations/ORGANIZATION_ID TOKEN</pre>
 *
 * The issuer comes from your app's configuration, never from the token. Offline, keep the last jwks.json (up to an
 * hour) and status list (up to its ttl) and resolve keys from the saved set (JwksVerificationKeyResolver).
 */
public class VerifySeat {
    public static void main(String[] args) throws Exception {
        String issuer = args[0];
        String token = args[1];
        var keys = new HttpsJwksVerificationKeyResolver(new HttpsJwks(issuer + "/jwks.json"));
        try {
            // Signature (a key of the organization's jwks.json), alg, typ, iss, nbf and exp.
            JwtClaims claims = new JwtConsumerBuilder()
                    .setVerificationKeyResolver(keys)
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "EdDSA")
                    .setExpectedType(true, "seat-entitlement+jwt")
                    .setExpectedIssuer(issuer)
                    .setRequireExpirationTime()
                    .build()
                    .processToClaims(token);
            Map<?, ?> statusList = (Map<?, ?>) claims.getClaimValue("status", Map.class).get("status_list");
            int idx = ((Number) statusList.get("idx")).intValue();
            String uri = (String) statusList.get("uri");
            if (!uri.startsWith(issuer + "/")) {
                throw new IllegalStateException("status list outside the issuer: " + uri);
            }
            String jwt = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            JwtClaims list = new JwtConsumerBuilder()
                    .setVerificationKeyResolver(keys)
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "EdDSA")
                    .setExpectedType(true, "statuslist+jwt")
                    .build()
                    .processToClaims(jwt);
            String lst = (String) list.getClaimValue("status_list", Map.class).get("lst");
            byte[] bits = new InflaterInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(lst)))
                    .readAllBytes();
            if (((bits[idx / 8] >> (idx % 8)) & 1) == 1) {
                System.out.println("revoked: seat " + claims.getClaimValue("seat_id"));
                System.exit(1);
            }
            System.out.println("valid until " + claims.getExpirationTime() + ": seat " + claims.getClaimValue("seat_id")
                    + " held by " + claims.getSubject());
        } catch (InvalidJwtException e) {
            System.out.println("invalid: " + e.getMessage());
            System.exit(1);
        }
    }
}

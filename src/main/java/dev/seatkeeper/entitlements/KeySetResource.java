package dev.seatkeeper.entitlements;

import dev.seatkeeper.platform.Ids;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/organizations/{id}/jwks.json} (public): the organization's entitlement keys a verifier may meet, as a
 * JWK Set (RFC 7517), cacheable for an hour.
 */
@ApplicationScoped
@Path("/v1/organizations/{id}/jwks.json")
@Tag(name = "entitlements")
public class KeySetResource {
    /** How long a verifier may cache the key set: an hour (contract, "Beyond Polar: offline seat entitlements"). */
    static final String CACHE_CONTROL = "public, max-age=3600";

    @EJB
    EntitlementService entitlements;

    @GET
    @Operation(
            operationId = "organizations:entitlement_jwks",
            summary = "Entitlement Key Set",
            description = "Beyond Polar, public. The Ed25519 public keys (kty OKP, crv Ed25519, alg EdDSA, use sig,"
                    + " kid) that verify the organization's seat entitlements and status list: the signing key, the"
                    + " next one (published at least one SEATKEEPER_ENTITLEMENT_TTL before it signs) and retired ones"
                    + " for one TTL after they stopped signing. A key revoked with revoke_previous is gone at once."
                    + " Cache-Control: public, max-age=3600.")
    @APIResponse(
            responseCode = "200",
            description = "The JWK Set.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EntitlementKeySet")))
    @APIResponse(responseCode = "404", description = "Organization not found")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public Response keySet(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid4")) @PathParam("id")
                    String id) {
        return Response.ok(entitlements.keySet(Ids.path("id", id)), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", CACHE_CONTROL)
                .build();
    }
}

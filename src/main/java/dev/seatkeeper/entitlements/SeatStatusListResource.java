package dev.seatkeeper.entitlements;

import dev.seatkeeper.platform.Ids;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/organizations/{id}/seat-status-list} (public): the organization's Token Status List as a signed JWT,
 * served fresh (every committed revoke is in the next answer).
 */
@ApplicationScoped
@Path("/v1/organizations/{id}/seat-status-list")
@Tag(name = "entitlements")
public class SeatStatusListResource {
    /** The media type of a Status List Token in JWT form (IETF OAuth "Token Status List" draft). */
    static final String MEDIA_TYPE = "application/statuslist+jwt";

    @EJB
    EntitlementService entitlements;

    @GET
    @Operation(
            operationId = "organizations:seat_status_list",
            summary = "Seat Status List",
            description = "Beyond Polar, public. A Status List Token (IETF OAuth Token Status List draft): a JWT with"
                    + " header typ statuslist+jwt, alg EdDSA and kid (a key of jwks.json), claims sub (this URI), iss,"
                    + " iat, exp, ttl (300: seconds a verifier may keep it) and status_list {bits: 1, lst}: one bit per"
                    + " status index, index 0 the least significant bit of the first byte, deflated (zlib) and"
                    + " base64url-encoded. A bit is 1 once its seat is revoked, in the revoke's own transaction.")
    @APIResponse(
            responseCode = "200",
            description = "The signed status list.",
            content = @Content(mediaType = MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "Organization not found")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "HTTPValidationError")))
    public Response statusList(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid4")) @PathParam("id")
                    String id) {
        return Response.ok(entitlements.statusList(Ids.path("id", id)), MEDIA_TYPE)
                .header("Cache-Control", "no-cache")
                .build();
    }
}

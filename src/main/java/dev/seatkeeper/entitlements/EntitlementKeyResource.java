package dev.seatkeeper.entitlements;

import dev.seatkeeper.idempotency.Idempotent;
import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.ValidationIssue;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /v1/organizations/{id}/entitlement-keys/rotate} (operator token): rotates the entitlement keys now. */
@ApplicationScoped
@Path("/v1/organizations/{id}/entitlement-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "entitlements")
public class EntitlementKeyResource {
    @EJB
    EntitlementService entitlements;

    /** The answer: the key that signs from now, the next one, and every kid jwks.json now publishes. */
    public record RotationResponse(String kid, String nextKid, List<String> publishedKids) {}

    @Idempotent
    @POST
    @Path("/rotate")
    @RequiresScope(Scope.ORGANIZATIONS_WRITE)
    @SecurityRequirement(name = "access_token")
    @Operation(
            operationId = "organizations:rotate_entitlement_keys",
            summary = "Rotate Entitlement Keys",
            description = "Beyond Polar, operator token. The published next key signs from now and a new next key is"
                    + " published. Tokens signed by earlier keys keep verifying until they expire, unless"
                    + " revoke_previous=true (a compromised key): every earlier key leaves jwks.json at once and its"
                    + " tokens fail.")
    @APIResponse(
            responseCode = "200",
            description = "The keys after the rotation.",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EntitlementKeyRotation")))
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "404", description = "Organization not found")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public RotationResponse rotate(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid4")) @PathParam("id")
                    String id,
            @Parameter(description = "Unpublish every earlier key now (its tokens fail).")
                    @QueryParam("revoke_previous")
                    String revokePrevious) {
        var rotation = entitlements.rotate(Ids.path("id", id), flag(revokePrevious));
        return new RotationResponse(rotation.signingKid(), rotation.nextKid(), rotation.publishedKids());
    }

    /** {@code true}/{@code false} (any case), or absent; anything else is a 422 on {@code revoke_previous}. */
    private static boolean flag(String text) {
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        throw new RequestValidationException(new ValidationIssue(
                "bool_parsing",
                List.of("query", "revoke_previous"),
                "Input should be a valid boolean, unable to interpret input",
                text));
    }
}

package dev.seatkeeper.organizations;

import dev.seatkeeper.platform.JsonBody;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/organization-access-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "organization_access_tokens")
@SecurityRequirement(name = "access_token")
public class OrganizationAccessTokenResource {
    /** Scopes an organization token may be granted: those its routes check. */
    private static final List<Scope> GRANTABLE = EnumSet.allOf(Scope.class).stream()
            .filter(s -> s.holder() == Scope.TokenKind.ORGANIZATION).toList();

    @Inject
    OrganizationService organizations;

    @POST
    @RequiresScope(Scope.ORGANIZATION_ACCESS_TOKENS_WRITE)
    @Operation(operationId = "organization_access_tokens:create", summary = "Create Organization Access Token (operator token)")
    @APIResponse(responseCode = "201", description = "The token, shown only in this response.")
    @APIResponse(responseCode = "401", description = "Not the operator token.")
    @APIResponse(responseCode = "404", description = "Organization not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public Response create(JsonBody body) {
        var organizationId = body.requiredUuid("organization_id");
        String comment = body.optionalString("comment", 1000).orElse("");
        var scopeNames = body.requiredStringList("scopes");
        var scopes = EnumSet.noneOf(Scope.class);
        var allowed = GRANTABLE.stream().map(Scope::wireName).toList();
        for (String name : scopeNames) {
            Optional<Scope> scope = Scope.fromWire(name).filter(GRANTABLE::contains);
            if (scope.isPresent()) {
                scopes.add(scope.get());
            } else {
                body.reject("scopes", "enum", "Unknown scope '" + name + "'; expected one of " + String.join(", ", allowed));
            }
        }
        var expiresIn = body.optionalLongAtLeast("expires_in", 1).filter(seconds -> expiryFits(body, seconds))
                .map(Duration::ofSeconds).orElse(null);
        body.check();
        var issued = organizations.issueToken(new OrganizationService.NewAccessToken(organizationId, comment, scopes, expiresIn));
        return Response.status(201).entity(new AccessTokenResponse(
                AccessTokenResponse.OrganizationAccessTokenView.of(issued.record()), issued.token())).build();
    }

    /** An expiry must be a time clients can read back: no later than {@link Timestamps#LATEST}. */
    private static boolean expiryFits(JsonBody body, long seconds) {
        if (seconds <= Timestamps.LATEST.toEpochSecond() - Timestamps.now().toEpochSecond()) {
            return true;
        }
        body.reject("expires_in", "value_error", "Value error, expires_in puts the expiry after the year 9999.");
        return false;
    }
}

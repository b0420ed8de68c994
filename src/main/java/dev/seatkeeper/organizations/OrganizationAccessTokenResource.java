package dev.seatkeeper.organizations;

import dev.seatkeeper.organizations.AccessTokenResponse.OrganizationAccessTokenView;
import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.JsonBody;
import dev.seatkeeper.platform.ListResource;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Organization access tokens and their lifecycle (contract, "Security boundaries"): create (the token is shown once),
 * list and update without the token, delete with immediate effect. The operator token calls these routes.
 */
@ApplicationScoped
@Path("/v1/organization-access-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "organization_access_tokens")
@SecurityRequirement(name = "access_token")
public class OrganizationAccessTokenResource {
    /** Scopes an organization token may be granted: those its routes check. */
    private static final List<Scope> GRANTABLE = EnumSet.allOf(Scope.class).stream()
            .filter(s -> s.holder() == Scope.TokenKind.ORGANIZATION)
            .toList();

    @EJB
    OrganizationService organizations;

    @POST
    @RequiresScope(Scope.ORGANIZATION_ACCESS_TOKENS_WRITE)
    @Operation(
            operationId = "organization_access_tokens:create",
            summary = "Create Organization Access Token (operator token)")
    @APIResponse(responseCode = "201", description = "The token, shown only in this response.")
    @APIResponse(responseCode = "401", description = "Not the operator token.")
    @APIResponse(responseCode = "404", description = "Organization not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public Response create(JsonBody body) {
        var organizationId = body.requiredUuid("organization_id");
        String comment = body.optionalString("comment", 1000).orElse("");
        var scopes = grantable(body, body.requiredStringList("scopes"));
        var expiresIn = body.optionalLongAtLeast("expires_in", 1)
                .filter(seconds -> expiryFits(body, seconds))
                .map(Duration::ofSeconds)
                .orElse(null);
        body.check();
        var issued = organizations.issueToken(
                new OrganizationService.NewAccessToken(organizationId, comment, scopes, expiresIn));
        return Response.status(201)
                .entity(new AccessTokenResponse(
                        AccessTokenResponse.OrganizationAccessTokenView.of(issued.record()), issued.token()))
                .build();
    }

    @GET
    @RequiresScope(Scope.ORGANIZATION_ACCESS_TOKENS_WRITE)
    @Operation(
            operationId = "organization_access_tokens:list",
            summary = "List Organization Access Tokens (operator token)",
            description = "Newest first, never with the token itself; organization_id narrows to one organization.")
    @APIResponse(responseCode = "200", description = "A page of access tokens.")
    @APIResponse(responseCode = "401", description = "Not the operator token.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public ListResource<OrganizationAccessTokenView> list(
            @QueryParam("organization_id") String organizationId,
            @QueryParam("page") String page,
            @QueryParam("limit") String limit) {
        var request = PageRequest.of(page, limit);
        var tokens = organizations.tokens(Ids.query("organization_id", organizationId), request);
        return ListResource.of(tokens.map(OrganizationAccessTokenView::of), request);
    }

    @PATCH
    @Path("/{id}")
    @RequiresScope(Scope.ORGANIZATION_ACCESS_TOKENS_WRITE)
    @Operation(
            operationId = "organization_access_tokens:update",
            summary = "Update Organization Access Token (operator token)",
            description = "Changes the comment and the scopes; fields left out keep their value.")
    @APIResponse(responseCode = "200", description = "The updated token, without the token itself.")
    @APIResponse(responseCode = "401", description = "Not the operator token.")
    @APIResponse(responseCode = "404", description = "Organization access token not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public OrganizationAccessTokenView update(@PathParam("id") String id, JsonBody body) {
        UUID tokenId = Ids.path("id", id);
        String comment =
                body.has("comment") ? body.optionalString("comment", 1000).orElse("") : null;
        Set<Scope> scopes = body.has("scopes") ? grantable(body, body.requiredStringList("scopes")) : null;
        body.check();
        return OrganizationAccessTokenView.of(organizations.updateToken(tokenId, comment, scopes));
    }

    @DELETE
    @Path("/{id}")
    @RequiresScope(Scope.ORGANIZATION_ACCESS_TOKENS_WRITE)
    @Operation(
            operationId = "organization_access_tokens:delete",
            summary = "Delete Organization Access Token (operator token)",
            description = "The token is refused from its very next request.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "401", description = "Not the operator token.")
    @APIResponse(responseCode = "404", description = "Organization access token not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public Response delete(@PathParam("id") String id) {
        organizations.deleteToken(Ids.path("id", id));
        return Response.noContent().build();
    }

    /**
     * Reads scope names into scopes an organization token may hold (those its routes check); each unknown or
     * ungrantable name is a 422 {@code enum} issue at {@code ["body", "scopes"]}, raised by {@link JsonBody#check()}.
     */
    private static Set<Scope> grantable(JsonBody body, List<String> names) {
        var scopes = EnumSet.noneOf(Scope.class);
        var allowed = GRANTABLE.stream().map(Scope::wireName).toList();
        for (String name : names) {
            Optional<Scope> scope = Scope.fromWire(name).filter(GRANTABLE::contains);
            if (scope.isPresent()) {
                scopes.add(scope.get());
            } else {
                body.reject(
                        "scopes",
                        "enum",
                        "Unknown scope '" + name + "'; expected one of " + String.join(", ", allowed));
            }
        }
        return scopes;
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

package dev.seatkeeper.sessions;

import dev.seatkeeper.organizations.OrganizationService;
import dev.seatkeeper.platform.JsonBody;
import dev.seatkeeper.platform.Settings;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("/v1/customer-sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer-sessions")
@SecurityRequirement(name = "access_token")
public class CustomerSessionResource {
    @EJB
    SessionService sessions;

    @EJB
    OrganizationService organizations;

    @Inject
    Settings settings;

    @Inject
    Caller caller;

    @POST
    @RequiresScope(Scope.CUSTOMER_SESSIONS_WRITE)
    @Operation(
            operationId = "customer-sessions:create",
            summary = "Create Customer Session",
            description =
                    "A member session (polar_mst_) in member-model organizations, else a customer session (polar_cst_).")
    @APIResponse(responseCode = "201", description = "Session created; the token is shown only here.")
    @APIResponse(responseCode = "422", description = "Validation Error (including an unknown customer or member)")
    public Response create(JsonBody body) {
        var customerId = body.optionalUuid("customer_id");
        var externalCustomerId = body.optionalString("external_customer_id");
        if (!body.has("customer_id") && !body.has("external_customer_id")) {
            body.reject("customer_id", "missing", "Field required");
        }
        var memberId = body.optionalUuid("member_id");
        var externalMemberId = body.optionalString("external_member_id");
        String returnUrl = body.optionalString("return_url", 2048).orElse(null);
        if (returnUrl != null && !isHttpUrl(returnUrl)) {
            body.reject("return_url", "url_parsing", "Input should be a valid URL");
        }
        body.check();
        var org = organizations.get(caller.organizationId());
        var opened = sessions.open(
                org.id(),
                new SessionService.NewSession(customerId, externalCustomerId, memberId, externalMemberId, returnUrl));
        return Response.status(201)
                .entity(CustomerSessionResponse.of(opened, settings.publicUrl(), org.slug()))
                .build();
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

package dev.seatkeeper.portal;

import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import dev.seatkeeper.sessions.SessionService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/customer-portal/customer-session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer_portal")
@SecurityRequirement(name = "customer_session")
@SecurityRequirement(name = "member_session")
public class PortalSessionResource {
    @Inject
    Caller caller;

    @Inject
    SessionService sessions;

    /** Polar's CustomerCustomerSession. */
    public record SessionIntrospection(OffsetDateTime expiresAt, String returnUrl) {}

    @GET
    @Path("/introspect")
    @RequiresScope({Scope.CUSTOMER_PORTAL_READ, Scope.CUSTOMER_PORTAL_WRITE})
    @Operation(operationId = "customer_portal:customer-session:introspect", summary = "Introspect Customer Session")
    @APIResponse(responseCode = "200", description = "The session's expiry and return URL.")
    @APIResponse(responseCode = "401", description = "No, expired or ended session.")
    public SessionIntrospection introspect() {
        return sessions.find(caller.portalUser())
                .map(s -> new SessionIntrospection(s.expiresAt(), s.returnUrl()))
                .orElseThrow();
    }
}

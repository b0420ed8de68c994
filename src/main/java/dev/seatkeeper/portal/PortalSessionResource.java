package dev.seatkeeper.portal;

import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import dev.seatkeeper.sessions.CustomerSession;
import dev.seatkeeper.sessions.MemberSession;
import dev.seatkeeper.sessions.SessionService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("/v1/customer-portal/customer-session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer_portal")
@SecurityRequirement(name = "customer_session")
@SecurityRequirement(name = "member_session")
public class PortalSessionResource {
    @Inject
    Caller caller;

    @EJB
    SessionService sessions;

    /** Polar's CustomerCustomerSession. */
    public record SessionIntrospection(OffsetDateTime expiresAt, String returnUrl) {}

    /**
     * Polar's PortalAuthenticatedUser: who the session is, {@code type} {@code customer} or {@code member}; a member's
     * {@code role} ({@code owner}, {@code billing_manager}, {@code member}) tells the portal page what to offer.
     */
    public record PortalAuthenticatedUser(
            String type, String name, String email, UUID customerId, UUID memberId, String role) {}

    @GET
    @Path("/introspect")
    @RequiresScope({Scope.CUSTOMER_PORTAL_READ, Scope.CUSTOMER_PORTAL_WRITE})
    @Operation(operationId = "customer_portal:customer-session:introspect", summary = "Introspect Customer Session")
    @APIResponse(responseCode = "200", description = "The session's expiry and return URL.")
    @APIResponse(responseCode = "401", description = "No, expired or ended session.")
    public SessionIntrospection introspect() {
        // The session as the authentication read it: reading it again cost a portal GET a second query.
        var session = caller.portalUser().session();
        return new SessionIntrospection(session.expiresAt(), session.returnUrl());
    }

    @GET
    @Path("/user")
    @RequiresScope({Scope.CUSTOMER_PORTAL_READ, Scope.CUSTOMER_PORTAL_WRITE})
    @Operation(
            operationId = "customer_portal:customer-session:get_authenticated_user",
            summary = "Get Authenticated Portal User")
    @APIResponse(responseCode = "200", description = "The customer or member the session stands for.")
    @APIResponse(responseCode = "401", description = "No, expired or ended session.")
    public PortalAuthenticatedUser user() {
        var session = sessions.find(caller.portalUser()).orElseThrow();
        if (session instanceof MemberSession member) {
            var m = member.member();
            return new PortalAuthenticatedUser(
                    "member",
                    m.name(),
                    m.email(),
                    m.customer().id(),
                    m.id(),
                    m.role().wireName());
        }
        var customer = ((CustomerSession) session).customer();
        return new PortalAuthenticatedUser("customer", customer.name(), customer.email(), customer.id(), null, null);
    }
}

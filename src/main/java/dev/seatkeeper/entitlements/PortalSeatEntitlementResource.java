package dev.seatkeeper.entitlements;

import dev.seatkeeper.idempotency.Idempotent;
import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.Principal;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /v1/customer-portal/seats/{seat_id}/entitlement}: the seat's holder (its own member session), or the
 * billing customer, an owner or a billing manager, gets the seat's offline entitlement. Another plain member of the
 * customer gets 403 {@code NotPermitted}; another customer's seat is 404, as an unknown one.
 */
@ApplicationScoped
@Path("/v1/customer-portal/seats/{seat_id}/entitlement")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer_portal")
@SecurityRequirement(name = "customer_session", scopes = "customer_portal:write")
@SecurityRequirement(name = "member_session", scopes = "customer_portal:write")
public class PortalSeatEntitlementResource {
    @EJB
    EntitlementService entitlements;

    @Inject
    Caller caller;

    @Idempotent
    @POST
    @RequiresScope({Scope.CUSTOMER_PORTAL_READ, Scope.CUSTOMER_PORTAL_WRITE})
    @Operation(
            operationId = "customer_portal:seats:issue_entitlement",
            summary = "Issue Seat Entitlement",
            description = EntitlementDocs.ISSUE + " For the seat's holder, the billing customer, owners and billing"
                    + " managers; another plain member of the customer gets 403 NotPermitted.")
    @APIResponse(
            responseCode = "200",
            description = "The signed entitlement.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SeatEntitlement")))
    @APIResponse(responseCode = "400", description = "SeatNotClaimed: the seat is pending or revoked.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Not the seat's holder, or seat-based pricing not enabled.")
    @APIResponse(responseCode = "404", description = "Seat not found")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public Entitlement issue(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid4"))
                    @PathParam("seat_id")
                    String seatId) {
        var user = caller.portalUser();
        Requester requester = user instanceof Principal.MemberSessionUser member && !member.managesBilling()
                ? Requester.member(member.organizationId(), member.customerId(), member.memberId())
                : Requester.billing(user.organizationId(), user.customerId());
        return entitlements.issue(requester, Ids.path("seat_id", seatId));
    }
}

package dev.seatkeeper.reclaim;

import dev.seatkeeper.idempotency.Idempotent;
import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.seats.SeatResponses.CustomerSeatResponse;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /v1/customer-portal/seats/{seat_id}/activity}: the seat's holder reports activity from the portal; what
 * the "keep my seat" link of an inactivity warning calls.
 */
@ApplicationScoped
@Path("/v1/customer-portal/seats/{seat_id}/activity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer_portal")
@SecurityRequirement(name = "customer_session", scopes = "customer_portal:write")
@SecurityRequirement(name = "member_session", scopes = "customer_portal:write")
public class PortalSeatActivityResource {
    @EJB
    ActivityService activity;

    @Inject
    Caller caller;

    @Idempotent
    @POST
    @RequiresScope({Scope.CUSTOMER_PORTAL_READ, Scope.CUSTOMER_PORTAL_WRITE})
    @Operation(
            operationId = "customer_portal:seats:report_activity",
            summary = "Keep My Seat",
            description = "Beyond Polar. The seat's holder (its member session; in the legacy model, the holder's own"
                    + " customer session) reports activity now: last_active_at moves forward (at most once a minute)"
                    + " and a pending reclaim_at is cleared. Anyone else of the customer gets 403 NotPermitted.")
    @APIResponse(
            responseCode = "200",
            description = "The seat.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CustomerSeat")))
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Not the seat's holder, or seat-based pricing not enabled.")
    @APIResponse(responseCode = "404", description = "Seat not found")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public CustomerSeatResponse keep(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid4"))
                    @PathParam("seat_id")
                    String seatId) {
        var user = caller.portalUser();
        Optional<java.util.UUID> memberId =
                user instanceof Principal.MemberSessionUser member ? Optional.of(member.memberId()) : Optional.empty();
        return CustomerSeatResponse.of(activity.keep(
                user.organizationId(), user.customerId(), memberId, Ids.path("seat_id", seatId), Timestamps.now()));
    }
}

package dev.seatkeeper.portal;

import dev.seatkeeper.idempotency.Idempotent;
import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.seats.SeatResponses.CustomerSeatResponse;
import dev.seatkeeper.seats.SeatScheduleResource;
import dev.seatkeeper.seats.SeatScheduleService;
import dev.seatkeeper.seats.SeatScope;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
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
 * Beyond Polar: a billing role cancels a scheduled revocation of one of its customer's seats (contract, "Revoke at
 * period end"; scheduling one is {@code DELETE /v1/customer-portal/seats/{seat_id}?at=}).
 */
@ApplicationScoped
@Path("/v1/customer-portal/seats/{seat_id}/scheduled-revocation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer_portal")
@SecurityRequirement(name = "customer_session", scopes = "customer_portal:write")
@SecurityRequirement(name = "member_session", scopes = "customer_portal:write")
public class PortalSeatScheduleResource {
    @EJB
    SeatScheduleService schedules;

    @Inject
    Caller caller;

    @Idempotent
    @DELETE
    @RequiresScope(Scope.CUSTOMER_PORTAL_WRITE)
    @Operation(
            operationId = "customer_portal:seats:cancel_scheduled_revocation",
            summary = "Cancel Scheduled Revocation",
            description = SeatScheduleResource.CANCEL_DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The seat, revokes_at null.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CustomerSeat")))
    @APIResponse(responseCode = "400", description = "NoScheduledRevocation: nothing is scheduled.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Not permitted (a plain member) or seat-based pricing not enabled")
    @APIResponse(responseCode = "404", description = "Seat not found")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public CustomerSeatResponse cancel(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid4"))
                    @PathParam("seat_id")
                    String seatId) {
        var user = caller.billingManager();
        return CustomerSeatResponse.of(schedules.cancel(
                SeatScope.customer(user.organizationId(), user.customerId()), Ids.path("seat_id", seatId)));
    }
}

package dev.seatkeeper.seats;

import dev.seatkeeper.idempotency.Idempotent;
import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.seats.SeatResponses.CustomerSeatResponse;
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
 * Beyond Polar: cancels a seat's scheduled revocation (contract, "Revoke at period end"). Scheduling one is
 * {@code DELETE /v1/customer-seats/{seat_id}?at=} ({@link SeatResource}).
 */
@ApplicationScoped
@Path("/v1/customer-seats/{seat_id}/scheduled-revocation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer-seats")
public class SeatScheduleResource {
    /** The OpenAPI description of the cancel routes (organization and portal). */
    public static final String CANCEL_DESCRIPTION = "Beyond Polar. Cancels the seat's scheduled revocation (period end,"
            + " instant, time box or scheduled decrease): revokes_at becomes null, the seat stays as it is. Records"
            + " customer_seat.revocation_canceled (delivered only to endpoints that list it).";

    @EJB
    SeatScheduleService schedules;

    @Inject
    Caller caller;

    @Idempotent
    @DELETE
    @RequiresScope(Scope.CUSTOMER_SEATS_WRITE)
    @SecurityRequirement(name = "access_token")
    @Operation(
            operationId = "customer-seats:cancel_scheduled_revocation",
            summary = "Cancel Scheduled Revocation",
            description = CANCEL_DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The seat, revokes_at null.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CustomerSeat")))
    @APIResponse(responseCode = "400", description = "NoScheduledRevocation: nothing is scheduled.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Seat-based pricing not enabled, or missing scope.")
    @APIResponse(responseCode = "404", description = "Seat not found")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public CustomerSeatResponse cancel(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid4"))
                    @PathParam("seat_id")
                    String seatId) {
        return CustomerSeatResponse.of(
                schedules.cancel(SeatScope.organization(caller.organizationId()), Ids.path("seat_id", seatId)));
    }
}

package dev.seatkeeper.seats;

import dev.seatkeeper.idempotency.Idempotent;
import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.JsonBody;
import dev.seatkeeper.platform.Measured;
import dev.seatkeeper.seats.SeatResponses.BulkAssignResponse;
import dev.seatkeeper.seats.SeatResponses.CustomerSeatResponse;
import dev.seatkeeper.seats.SeatResponses.InvitedSeatResponse;
import dev.seatkeeper.seats.SeatResponses.SeatsListResponse;
import dev.seatkeeper.seats.SeatResponses.TransferResponse;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("/v1/customer-seats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer-seats")
public class SeatResource {
    @EJB
    SeatAssignmentService assignments;

    @EJB
    SeatRevocationService revocations;

    @EJB
    SeatListService lists;

    @EJB
    SeatScheduleService schedules;

    @EJB
    SeatTransferService transfers;

    @EJB
    SeatBulkService bulk;

    @Inject
    Caller caller;

    @Idempotent
    @Measured("assign")
    @POST
    @RequiresScope(Scope.CUSTOMER_SEATS_WRITE)
    @SecurityRequirement(name = "access_token")
    @Operation(
            operationId = "customer-seats:assign_seat",
            summary = "Assign Seat",
            description = "Beyond Polar, the response also carries invitation_token and invitation_url.")
    @APIResponse(
            responseCode = "200",
            description = "Seat assigned.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "InvitedCustomerSeat")))
    @APIResponse(responseCode = "400", description = "No seat available, already assigned, or order not paid.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Seat-based pricing not enabled, or missing scope.")
    @APIResponse(responseCode = "404", description = "Subscription, order, customer or member not found.")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public InvitedSeatResponse assign(JsonBody body) {
        var request = SeatAssignment.read(body, false);
        return InvitedSeatResponse.of(assignments.assign(SeatScope.organization(caller.organizationId()), request));
    }

    @Idempotent
    @POST
    @Path("/bulk")
    @RequiresScope(Scope.CUSTOMER_SEATS_WRITE)
    @SecurityRequirement(name = "access_token")
    @Operation(
            operationId = "customer-seats:bulk_assign_seats",
            summary = "Bulk Assign Seats",
            description = "Beyond Polar. Up to 1,000 assignments on one subscription or order, judged in order against"
                    + " the capacity left, each in its own transaction and exactly as the single assign would judge it;"
                    + " an item naming the same person as an earlier one is refused (SeatAlreadyAssigned). dry_run"
                    + " stores nothing, records no event and reports what would happen.")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SeatBulkAssign")))
    @APIResponse(
            responseCode = "200",
            description = "One result per item, in order.",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SeatBulkAssignResponse")))
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Seat-based pricing not enabled, or missing scope.")
    @APIResponse(responseCode = "404", description = "Subscription or order not found.")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error (more than 1,000 items, a malformed item)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public BulkAssignResponse bulkAssign(JsonBody body) {
        var request = SeatBulk.read(body);
        return BulkAssignResponse.of(bulk.assign(SeatScope.organization(caller.organizationId()), request));
    }

    @GET
    @RequiresScope({Scope.CUSTOMER_SEATS_READ, Scope.CUSTOMER_SEATS_WRITE})
    @SecurityRequirement(name = "access_token")
    @Operation(operationId = "customer-seats:list_seats", summary = "List Seats")
    @APIResponse(
            responseCode = "200",
            description = "The container's seats and capacity.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SeatsList")))
    @APIResponse(responseCode = "400", description = "Neither subscription_id nor order_id.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Seat-based pricing not enabled, or missing scope.")
    @APIResponse(responseCode = "404", description = "Subscription or order not found.")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public SeatsListResponse list(
            @QueryParam("subscription_id") String subscriptionId,
            @QueryParam("order_id") String orderId,
            @QueryParam("status") String status,
            @QueryParam("page") String page,
            @QueryParam("limit") String limit) {
        var listed = lists.list(
                SeatScope.organization(caller.organizationId()),
                Ids.query("subscription_id", subscriptionId),
                Ids.query("order_id", orderId),
                SeatListQuery.of(status, page, limit));
        return SeatsListResponse.of(listed);
    }

    @Idempotent
    @Measured("revoke")
    @DELETE
    @Path("/{seat_id}")
    @RequiresScope(Scope.CUSTOMER_SEATS_WRITE)
    @SecurityRequirement(name = "access_token")
    @Operation(operationId = "customer-seats:revoke_seat", summary = "Revoke Seat", description = RevokeAt.DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The revoked seat (unchanged if it was revoked already); with at, the seat with revokes_at.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CustomerSeat")))
    @APIResponse(responseCode = "400", description = "NoPeriodEnd: at=period_end on an order's seat.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Seat-based pricing not enabled, or missing scope.")
    @APIResponse(responseCode = "404", description = "Seat not found")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public CustomerSeatResponse revoke(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid4"))
                    @PathParam("seat_id")
                    String seatId,
            @Parameter(description = RevokeAt.PARAMETER) @QueryParam("at") String at) {
        var scope = SeatScope.organization(caller.organizationId());
        UUID id = Ids.path("seat_id", seatId);
        return CustomerSeatResponse.of(RevokeAt.read(at)
                .map(when -> schedules.schedule(scope, id, when))
                .orElseGet(() -> revocations.revoke(scope, id)));
    }

    @Idempotent
    @POST
    @Path("/{seat_id}/resend")
    @RequiresScope(Scope.CUSTOMER_SEATS_WRITE)
    @SecurityRequirement(name = "access_token")
    @Operation(
            operationId = "customer-seats:resend_invitation",
            summary = "Resend Invitation",
            description = "Beyond Polar, a new token with a fresh expiry; the previous token stops working.")
    @APIResponse(
            responseCode = "200",
            description = "The seat with its new invitation.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "InvitedCustomerSeat")))
    @APIResponse(responseCode = "400", description = "Seat is not in pending status")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Seat-based pricing not enabled, or missing scope.")
    @APIResponse(responseCode = "404", description = "Seat not found")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public InvitedSeatResponse resend(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid4"))
                    @PathParam("seat_id")
                    String seatId) {
        return InvitedSeatResponse.of(
                assignments.resend(SeatScope.organization(caller.organizationId()), Ids.path("seat_id", seatId)));
    }

    @Idempotent
    @POST
    @Path("/{seat_id}/transfer")
    @RequiresScope(Scope.CUSTOMER_SEATS_WRITE)
    @SecurityRequirement(name = "access_token")
    @Operation(
            operationId = "customer-seats:transfer_seat",
            summary = "Transfer Seat",
            description = "Beyond Polar. In one transaction the seat (pending or claimed) is revoked from its holder"
                    + " (their sessions end as in revoke, a pending invitation stops working) and a new pending seat"
                    + " is assigned on the same subscription or order to the person the body names; events"
                    + " customer_seat.revoked then customer_seat.assigned.")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SeatTransfer")))
    @APIResponse(
            responseCode = "200",
            description = "The revoked seat and the new one with its invitation.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SeatTransferResponse")))
    @APIResponse(
            responseCode = "400",
            description = "SeatNotTransferable (revoked seat), SeatAlreadyAssigned, EmailDomainNotAllowed.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Seat-based pricing not enabled, or missing scope.")
    @APIResponse(responseCode = "404", description = "Seat or member not found")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public TransferResponse transfer(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid4"))
                    @PathParam("seat_id")
                    String seatId,
            JsonBody body) {
        UUID id = Ids.path("seat_id", seatId);
        var request = SeatTransfer.read(body);
        return TransferResponse.of(transfers.transfer(SeatScope.organization(caller.organizationId()), id, request));
    }
}

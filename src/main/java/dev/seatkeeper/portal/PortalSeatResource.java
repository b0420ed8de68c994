package dev.seatkeeper.portal;

import dev.seatkeeper.idempotency.Idempotent;
import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.JsonBody;
import dev.seatkeeper.platform.ListResource;
import dev.seatkeeper.platform.Measured;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.purchases.CustomerSubscriptionResponse;
import dev.seatkeeper.seats.RevokeAt;
import dev.seatkeeper.seats.SeatAssignment;
import dev.seatkeeper.seats.SeatAssignmentService;
import dev.seatkeeper.seats.SeatListQuery;
import dev.seatkeeper.seats.SeatListService;
import dev.seatkeeper.seats.SeatResponses.CustomerSeatResponse;
import dev.seatkeeper.seats.SeatResponses.PortalTransferResponse;
import dev.seatkeeper.seats.SeatResponses.SeatsListResponse;
import dev.seatkeeper.seats.SeatRevocationService;
import dev.seatkeeper.seats.SeatScheduleService;
import dev.seatkeeper.seats.SeatScope;
import dev.seatkeeper.seats.SeatTransfer;
import dev.seatkeeper.seats.SeatTransferService;
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

/**
 * Seats as the billing customer and its members see them. Every route acts for the caller's customer only, and no
 * answer carries an invitation token or link (contract, "Security boundaries"): the invitee gets them by e-mail, and
 * a billing manager who could claim a seat assigned to the owner's address would hold the owner's session.
 */
@ApplicationScoped
@Path("/v1/customer-portal/seats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer_portal")
@SecurityRequirement(name = "customer_session", scopes = "customer_portal:write")
@SecurityRequirement(name = "member_session", scopes = "customer_portal:write")
public class PortalSeatResource {
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
    ClaimedSubscriptionService claimedSubscriptions;

    @Inject
    Caller caller;

    private SeatScope scope() {
        var user = caller.portalUser();
        return SeatScope.customer(user.organizationId(), user.customerId());
    }

    @GET
    @RequiresScope({Scope.CUSTOMER_PORTAL_READ, Scope.CUSTOMER_PORTAL_WRITE})
    @Operation(operationId = "customer_portal:seats:list_seats", summary = "List Seats")
    @APIResponse(
            responseCode = "200",
            description = "The seats of one of the customer's subscriptions or orders.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SeatsList")))
    @APIResponse(responseCode = "400", description = "Neither subscription_id nor order_id.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Seat-based pricing not enabled")
    @APIResponse(responseCode = "404", description = "Subscription or order not found")
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
                scope(),
                Ids.query("subscription_id", subscriptionId),
                Ids.query("order_id", orderId),
                SeatListQuery.of(status, page, limit));
        return SeatsListResponse.of(listed);
    }

    @GET
    @Path("/subscriptions")
    @RequiresScope({Scope.CUSTOMER_PORTAL_READ, Scope.CUSTOMER_PORTAL_WRITE})
    @Operation(
            operationId = "customer_portal:seats:list_claimed_subscriptions",
            summary = "List Claimed Subscriptions",
            description = "The subscriptions on which the caller holds a claimed seat.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public ListResource<CustomerSubscriptionResponse> claimedSubscriptions(
            @QueryParam("page") String page, @QueryParam("limit") String limit) {
        var request = PageRequest.of(page, limit);
        var held = claimedSubscriptions.of(caller.portalUser(), request);
        return ListResource.of(held.page().map(s -> CustomerSubscriptionResponse.of(s, held.organization())), request);
    }

    @Idempotent
    @Measured("assign")
    @POST
    @RequiresScope(Scope.CUSTOMER_PORTAL_WRITE)
    @Operation(
            operationId = "customer_portal:seats:assign_seat",
            summary = "Assign Seat",
            description = "immediate_claim claims the seat at once only when it is recorded on the caller's own"
                    + " customer (always in the member model); a seat for another customer (legacy model) starts"
                    + " pending and its holder is invited by e-mail.")
    @APIResponse(
            responseCode = "200",
            description = "Seat assigned; the invitation goes to the invitee by e-mail.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CustomerSeat")))
    @APIResponse(responseCode = "400", description = "No seat available, already assigned, or order not paid.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Not permitted or seat-based pricing not enabled")
    @APIResponse(responseCode = "404", description = "Subscription or order not found")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public CustomerSeatResponse assign(JsonBody body) {
        var user = caller.billingManager();
        var request = SeatAssignment.read(body, true);
        return CustomerSeatResponse.of(assignments
                .assign(SeatScope.customer(user.organizationId(), user.customerId()), request)
                .seat());
    }

    @Idempotent
    @Measured("revoke")
    @DELETE
    @Path("/{seat_id}")
    @RequiresScope(Scope.CUSTOMER_PORTAL_WRITE)
    @Operation(
            operationId = "customer_portal:seats:revoke_seat",
            summary = "Revoke Seat",
            description = RevokeAt.DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "Successful Response",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CustomerSeat")))
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Not permitted or seat-based pricing not enabled")
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
        var user = caller.billingManager();
        var scope = SeatScope.customer(user.organizationId(), user.customerId());
        UUID id = Ids.path("seat_id", seatId);
        return CustomerSeatResponse.of(RevokeAt.read(at)
                .map(when -> schedules.schedule(scope, id, when))
                .orElseGet(() -> revocations.revoke(scope, id)));
    }

    @Idempotent
    @POST
    @Path("/{seat_id}/transfer")
    @RequiresScope(Scope.CUSTOMER_PORTAL_WRITE)
    @Operation(
            operationId = "customer_portal:seats:transfer_seat",
            summary = "Transfer Seat",
            description = "Beyond Polar: the seat is revoked from its holder and a new pending seat assigned to the"
                    + " person the body names, in one transaction. The invitation goes to the invitee by e-mail.")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SeatTransfer")))
    @APIResponse(
            responseCode = "200",
            description = "The revoked seat and the new one.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "PortalSeatTransferResponse")))
    @APIResponse(
            responseCode = "400",
            description = "SeatNotTransferable (revoked seat), SeatAlreadyAssigned, EmailDomainNotAllowed.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Not permitted or seat-based pricing not enabled")
    @APIResponse(responseCode = "404", description = "Seat or member not found")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public PortalTransferResponse transfer(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid4"))
                    @PathParam("seat_id")
                    String seatId,
            JsonBody body) {
        var user = caller.billingManager();
        UUID id = Ids.path("seat_id", seatId);
        var request = SeatTransfer.read(body);
        return PortalTransferResponse.of(
                transfers.transfer(SeatScope.customer(user.organizationId(), user.customerId()), id, request));
    }

    @Idempotent
    @POST
    @Path("/{seat_id}/resend")
    @RequiresScope(Scope.CUSTOMER_PORTAL_WRITE)
    @Operation(operationId = "customer_portal:seats:resend_invitation", summary = "Resend Invitation")
    @APIResponse(
            responseCode = "200",
            description = "The seat; its new invitation goes to the invitee by e-mail.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CustomerSeat")))
    @APIResponse(responseCode = "400", description = "Seat is not in pending status")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Not permitted or seat-based pricing not enabled")
    @APIResponse(responseCode = "404", description = "Seat not found")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public CustomerSeatResponse resend(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid4"))
                    @PathParam("seat_id")
                    String seatId) {
        var user = caller.billingManager();
        return CustomerSeatResponse.of(assignments
                .resend(SeatScope.customer(user.organizationId(), user.customerId()), Ids.path("seat_id", seatId))
                .seat());
    }
}

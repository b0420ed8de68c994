package dev.seatkeeper.seats;

import dev.seatkeeper.idempotency.Idempotent;
import dev.seatkeeper.platform.JsonBody;
import dev.seatkeeper.platform.Measured;
import dev.seatkeeper.seats.SeatResponses.ClaimInfoResponse;
import dev.seatkeeper.seats.SeatResponses.ClaimResponse;
import dev.seatkeeper.seats.SeatResponses.CustomerSeatResponse;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public claim routes (contract, "Claim info", "Claim"): the invitation token is the only credential. */
@ApplicationScoped
@Path("/v1/customer-seats/claim")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer-seats")
public class SeatClaimResource {
    @EJB
    SeatClaimService claims;

    @GET
    @Path("/{invitation_token}")
    @SecurityRequirementsSet
    @Operation(operationId = "customer-seats:get_claim_info", summary = "Get Claim Info")
    @APIResponse(
            responseCode = "200",
            description = "What the invitation is for.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SeatClaimInfo")))
    @APIResponse(responseCode = "403", description = "Seat-based pricing not enabled for organization")
    @APIResponse(responseCode = "404", description = "Invalid or expired invitation token")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public ClaimInfoResponse claimInfo(@PathParam("invitation_token") String invitationToken) {
        return ClaimInfoResponse.of(claims.invitation(invitationToken));
    }

    @Idempotent(scope = Idempotent.KeyScope.INVITATION)
    @Measured("claim")
    @POST
    @SecurityRequirementsSet
    @Operation(operationId = "customer-seats:claim_seat", summary = "Claim Seat")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SeatClaim")))
    @APIResponse(
            responseCode = "200",
            description = "Successful Response",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "CustomerSeatClaimResponse")))
    @APIResponse(responseCode = "400", description = "Invalid, expired, or already claimed token")
    @APIResponse(responseCode = "403", description = "Seat-based pricing not enabled for organization")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public ClaimResponse claim(JsonBody body) {
        // Any string is a possible token: an unknown one is refused as invalid (400), not as malformed.
        String token = body.requiredString("invitation_token", Integer.MAX_VALUE);
        body.check();
        var claimed = claims.claim(token);
        return new ClaimResponse(CustomerSeatResponse.of(claimed.seat()), claimed.sessionToken());
    }
}

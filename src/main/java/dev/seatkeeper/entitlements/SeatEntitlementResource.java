package dev.seatkeeper.entitlements;

import dev.seatkeeper.idempotency.Idempotent;
import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.security.Caller;
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

/** {@code POST /v1/customer-seats/{seat_id}/entitlement}: an organization's backend gets a seat's offline entitlement. */
@ApplicationScoped
@Path("/v1/customer-seats/{seat_id}/entitlement")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer-seats")
public class SeatEntitlementResource {
    @EJB
    EntitlementService entitlements;

    @Inject
    Caller caller;

    @Idempotent
    @POST
    @RequiresScope({Scope.CUSTOMER_SEATS_READ, Scope.CUSTOMER_SEATS_WRITE})
    @SecurityRequirement(name = "access_token")
    @Operation(
            operationId = "customer-seats:issue_entitlement",
            summary = "Issue Seat Entitlement",
            description = EntitlementDocs.ISSUE)
    @APIResponse(
            responseCode = "200",
            description = "The signed entitlement.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SeatEntitlement")))
    @APIResponse(responseCode = "400", description = "SeatNotClaimed: the seat is pending or revoked.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Seat-based pricing not enabled, or missing scope.")
    @APIResponse(responseCode = "404", description = "Seat not found")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public Entitlement issue(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid4"))
                    @PathParam("seat_id")
                    String seatId) {
        return entitlements.issue(Requester.organization(caller.organizationId()), Ids.path("seat_id", seatId));
    }
}

package dev.seatkeeper.reclaim;

import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /v1/customer-seats/reclaim-preview}: what the reclaim policy will do to a container's seats. */
@ApplicationScoped
@Path("/v1/customer-seats/reclaim-preview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer-seats")
public class ReclaimPreviewResource {
    @EJB
    ReclaimPreview previews;

    @Inject
    Caller caller;

    @GET
    @RequiresScope({Scope.CUSTOMER_SEATS_READ, Scope.CUSTOMER_SEATS_WRITE})
    @SecurityRequirement(name = "access_token")
    @Operation(
            operationId = "customer-seats:reclaim_preview",
            summary = "Preview Seat Reclaims",
            description = "Beyond Polar. One item per seat of the subscription or order whose next step under the"
                    + " organization's seat_reclaim policy and the activity reported falls within the next 30 days:"
                    + " warn (an inactivity warning) or reclaim (an idle seat's reclaim, or an unclaimed invitation's"
                    + " revoke), and when. Changes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "The seats' next steps.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SeatReclaimPreview")))
    @APIResponse(responseCode = "400", description = "Neither subscription_id nor order_id.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Seat-based pricing not enabled, or missing scope.")
    @APIResponse(responseCode = "404", description = "Subscription or order not found.")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public ReclaimResponses.PreviewResponse preview(
            @QueryParam("subscription_id") String subscriptionId, @QueryParam("order_id") String orderId) {
        return ReclaimResponses.PreviewResponse.of(previews.preview(
                caller.organizationId(),
                Ids.query("subscription_id", subscriptionId),
                Ids.query("order_id", orderId),
                Timestamps.now()));
    }
}

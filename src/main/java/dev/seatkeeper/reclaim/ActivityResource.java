package dev.seatkeeper.reclaim;

import dev.seatkeeper.idempotency.Idempotent;
import dev.seatkeeper.platform.JsonBody;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /v1/customer-seats/activity}: the organization reports its seats' activity in batches. */
@ApplicationScoped
@Path("/v1/customer-seats/activity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer-seats")
public class ActivityResource {
    @EJB
    ActivityService activity;

    @Inject
    Caller caller;

    @Idempotent
    @POST
    @RequiresScope(Scope.CUSTOMER_SEATS_WRITE)
    @SecurityRequirement(name = "access_token")
    @Operation(
            operationId = "customer-seats:report_activity",
            summary = "Report Seat Activity",
            description = "Beyond Polar. 1 to 1,000 items, each {seat_id} or {member_id | external_member_id | email,"
                    + " subscription_id | order_id}, with an optional at (ISO-8601, default now; more than 5 years"
                    + " back is 422). last_active_at only moves forward and is written at most once a minute per"
                    + " seat (a report within a minute of the stored time, or older, is accepted without a write);"
                    + " a write clears a pending reclaim_at."
                    + " Ignored items: unknown_seat, revoked_seat, future_time (more than 5 minutes ahead).")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SeatActivityReport")))
    @APIResponse(
            responseCode = "200",
            description = "How many items were accepted, and the others.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SeatActivityResponse")))
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Seat-based pricing not enabled, or missing scope.")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error (no item, more than 1,000, a malformed item)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public ReclaimResponses.ActivityResponse report(JsonBody body) {
        var now = Timestamps.now();
        var report = ActivityReport.read(body, now);
        return ReclaimResponses.ActivityResponse.of(activity.report(caller.organizationId(), report, now));
    }
}

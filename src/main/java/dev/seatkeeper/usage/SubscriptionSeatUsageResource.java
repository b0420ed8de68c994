package dev.seatkeeper.usage;

import dev.seatkeeper.platform.Accepts;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/subscriptions/{id}/seat-usage} (Beyond Polar): the seat-usage ledger ({@link SeatUsageAnswers}). A route of its own: a root
 * resource matched on {@code /v1/...} alone would lose the request to the purchase resource's longer path.
 */
@ApplicationScoped
@Path("/v1/subscriptions/{id}/seat-usage")
@Tag(name = "seat usage")
@SecurityRequirement(name = "access_token")
public class SubscriptionSeatUsageResource {
    @Inject
    SeatUsageAnswers answers;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Accepts.NDJSON})
    @RequiresScope({Scope.SUBSCRIPTIONS_READ, Scope.SUBSCRIPTIONS_WRITE})
    @Operation(
            operationId = "subscriptions:seat_usage",
            summary = "Seat Usage of a Subscription (Beyond Polar)",
            description = "Rows of `interval` `day` (default) or `period` (billing periods, cut to the window) from"
                    + " `from` to `to` (UTC dates YYYY-MM-DD, `to` inclusive; by default the subscription's first"
                    + " day, at most a year back, to today): `start`, `end` (exclusive), `seats` (the most bought"
                    + " within the row), `peak_assigned`, `peak_claimed` (most held at once; assigned = pending +"
                    + " claimed), `seat_days_assigned`, `seat_days_claimed` (time held summed over seats, in days,"
                    + " three decimals). A row that has ended never changes; the row holding now counts up to now."
                    + " `Accept: application/x-ndjson` streams one row per line.")
    @APIResponse(responseCode = "200", description = "The ledger rows.")
    @APIResponse(responseCode = "404", description = "Subscription not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public Response ledger(
            @PathParam("id") String id,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("interval") String interval,
            @Context HttpServletRequest request) {
        return answers.ledger(SeatUsageService.Kind.SUBSCRIPTION, id, from, to, interval, request);
    }
}

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
 * {@code GET /v1/orders/{id}/seat-usage} (Beyond Polar): the seat-usage ledger ({@link SeatUsageAnswers}). A route of its own: a root
 * resource matched on {@code /v1/...} alone would lose the request to the purchase resource's longer path.
 */
@ApplicationScoped
@Path("/v1/orders/{id}/seat-usage")
@Tag(name = "seat usage")
@SecurityRequirement(name = "access_token")
public class OrderSeatUsageResource {
    @Inject
    SeatUsageAnswers answers;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Accepts.NDJSON})
    @RequiresScope({Scope.ORDERS_READ, Scope.ORDERS_WRITE})
    @Operation(
            operationId = "orders:seat_usage",
            summary = "Seat Usage of an Order (Beyond Polar)",
            description = "As the subscription's seat usage; an order has no billing period, so `period` gives one row"
                    + " for the window.")
    @APIResponse(responseCode = "200", description = "The ledger rows.")
    @APIResponse(responseCode = "404", description = "Order not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public Response ledger(
            @PathParam("id") String id,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("interval") String interval,
            @Context HttpServletRequest request) {
        return answers.ledger(SeatUsageService.Kind.ORDER, id, from, to, interval, request);
    }
}

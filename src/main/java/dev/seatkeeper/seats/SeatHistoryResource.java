package dev.seatkeeper.seats;

import dev.seatkeeper.audit.EntryJson;
import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.Jsonp;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/customer-seats/{id}/history} (Beyond Polar, {@code customer_seats:read}; contract, "Beyond Polar:
 * audit trail"). A root resource of its own path, which wins over the seat resource's shorter one.
 */
@ApplicationScoped
@Path("/v1/customer-seats/{seat_id}/history")
@Tag(name = "customer-seats")
@SecurityRequirement(name = "access_token")
public class SeatHistoryResource {
    @EJB
    SeatHistoryService histories;

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresScope({Scope.CUSTOMER_SEATS_READ, Scope.CUSTOMER_SEATS_WRITE})
    @Operation(
            operationId = "customer-seats:history",
            summary = "Seat History (Beyond Polar)",
            description = "Every change of the seat, oldest first: `{items: [{id, seat_id, seq, at, action, actor:"
                    + " {type, id}, reason, from_status, to_status, request_id, hash}]}`, each entry as in the"
                    + " audit events.")
    @APIResponse(responseCode = "200", description = "The seat's history.")
    @APIResponse(responseCode = "404", description = "Seat not found.")
    public String history(@PathParam("seat_id") String seatId) {
        var items = Jsonp.PROVIDER.createArrayBuilder();
        histories
                .history(SeatScope.organization(caller.organizationId()), Ids.path("seat_id", seatId))
                .forEach(entry -> items.add(EntryJson.of(entry)));
        return Jsonp.PROVIDER.createObjectBuilder().add("items", items).build().toString();
    }
}

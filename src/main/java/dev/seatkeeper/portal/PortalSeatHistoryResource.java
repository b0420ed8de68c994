package dev.seatkeeper.portal;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Beyond Polar: {@code GET /v1/customer-portal/seats/{seat_id}/history}, a seat's history for the billing roles of its
 * customer (contract, "Beyond Polar: audit trail"; the customer's side of {@code GET /v1/customer-seats/{id}/history}).
 * A root resource of its own path, which wins over the portal seat resource's shorter one.
 */
@ApplicationScoped
@Path("/v1/customer-portal/seats/{seat_id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer_portal")
@SecurityRequirement(name = "customer_session", scopes = "customer_portal:read")
@SecurityRequirement(name = "member_session", scopes = "customer_portal:read")
public class PortalSeatHistoryResource {
    @EJB
    PortalSeatHistoryService histories;

    @Inject
    Caller caller;

    /**
     * {@code {"items": [{at, action, reason, from_status, to_status, actor}]}}, oldest first; {@code actor} is a label
     * ({@code "you"}, {@code "your organization's backend"}, {@code "system: period end"}, …), never an id. A plain
     * member gets 403 {@code NotPermitted}; another customer's seat 404 "Seat not found", as an unknown one.
     */
    @GET
    @RequiresScope({Scope.CUSTOMER_PORTAL_READ, Scope.CUSTOMER_PORTAL_WRITE})
    @Operation(
            operationId = "customer_portal:seats:history",
            summary = "Seat History (Beyond Polar)",
            description = "Every change of the seat, oldest first: `{items: [{at, action, reason, from_status,"
                    + " to_status, actor}]}`. `actor` says who made the change in the caller's words: `you`, `a"
                    + " member of your team (e-mail)`, `the billing account`, `your organization's backend`, `the"
                    + " invitee (claim)`, `the service operator`, `system: period end` (`scheduled`, `expired`,"
                    + " `inactivity`, `unclaimed`). For the billing customer, owners and billing managers.")
    @APIResponse(
            responseCode = "200",
            description = "The seat's history.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Not permitted (a plain member)")
    @APIResponse(responseCode = "404", description = "Seat not found")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public String history(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid4"))
                    @PathParam("seat_id")
                    String seatId) {
        var user = caller.billingManager();
        var items = Jsonp.PROVIDER.createArrayBuilder();
        histories.history(user, Ids.path("seat_id", seatId)).forEach(item -> items.add(item.toJson()));
        return Jsonp.PROVIDER.createObjectBuilder().add("items", items).build().toString();
    }
}

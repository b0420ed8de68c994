package dev.seatkeeper.portal;

import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Beyond Polar: how full each of the customer's seat pools is, for billing roles (contract, "Beyond Polar: capacity
 * signals, seat usage and seat metrics"). A route of its own because the seat list's keys are Polar's SeatsList and
 * stay exactly so. Pool fullness is billing data, so a plain member is answered as on Polar's billing routes (403
 * {@code NotPermitted}, {@code CustomerPortalUnionBillingRead} in Polar's customer_portal/auth.py).
 */
@ApplicationScoped
@Path("/v1/customer-portal/seats/capacity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer_portal")
@SecurityRequirement(name = "customer_session", scopes = "customer_portal:read")
@SecurityRequirement(name = "member_session", scopes = "customer_portal:read")
public class PortalSeatCapacityResource {
    @EJB
    PortalSeatCapacityService capacity;

    @Inject
    Caller caller;

    /** The pools' fullness: {@code {"items": [...]}}, see {@link PortalSeatCapacityService#pools}. */
    public record CapacityList(List<PortalSeatCapacityService.Pool> items) {}

    /**
     * The caller's customer's pools: active subscriptions, then paid orders. 401 without a portal session, 403 for a
     * plain member or when seat-based pricing is off.
     */
    @GET
    @RequiresScope({Scope.CUSTOMER_PORTAL_READ, Scope.CUSTOMER_PORTAL_WRITE})
    @Operation(
            operationId = "customer_portal:seats:capacity",
            summary = "Seat Pool Capacity",
            description = "Beyond Polar: for each active subscription and paid order of the customer, seats bought,"
                    + " claimed and pending seats that hold capacity, seats available, the highest of the"
                    + " organization's seat_capacity_alerts reached by (pending + claimed) / seats (null when none),"
                    + " and whether every seat is taken. The billing customer's session, owners and billing"
                    + " managers only.")
    @APIResponse(
            responseCode = "200",
            description = "The customer's seat pools.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "CustomerSeatPoolCapacityList")))
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(
            responseCode = "403",
            description = "Only owners and billing managers can access billing features; or seat-based pricing not"
                    + " enabled.")
    public CapacityList list() {
        return new CapacityList(capacity.pools(caller.billingManager()));
    }
}

package dev.seatkeeper.portal;

import dev.seatkeeper.idempotency.Idempotent;
import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.JsonBody;
import dev.seatkeeper.platform.ListResource;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.purchases.CustomerSubscriptionResponse;
import dev.seatkeeper.purchases.SubscriptionUpdate;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The subscriptions of the portal user's customer (the page the portal shows them on needs them). Polar
 * (server/polar/customer_portal/endpoints/subscription.py) lets any portal user list them: the billing customer
 * through a customer session, and every member of the customer through a member session, whatever its role
 * ({@code CustomerPortalUnionRead} in customer_portal/auth.py; the list reads the member's customer's rows). So a
 * plain member sees its customer's subscriptions too, though it may not manage their seats.
 */
@ApplicationScoped
@Path("/v1/customer-portal/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer_portal")
@SecurityRequirement(name = "customer_session", scopes = "customer_portal:read")
@SecurityRequirement(name = "member_session", scopes = "customer_portal:read")
public class PortalSubscriptionResource {
    @EJB
    PortalPurchaseService purchases;

    @Inject
    Caller caller;

    /**
     * A page of the customer's subscriptions, most recently started first, as Polar's
     * {@code ListResource[CustomerSubscription]}. Takes Polar's {@code page}, {@code limit}, {@code product_id}
     * (repeatable), {@code active} and {@code query}; {@code sorting} is accepted and the default order kept.
     * 401 without a valid portal session; 422 for a parameter Polar would refuse.
     */
    @GET
    @RequiresScope({Scope.CUSTOMER_PORTAL_READ, Scope.CUSTOMER_PORTAL_WRITE})
    @Operation(
            operationId = "customer_portal:subscriptions:list",
            summary = "List Subscriptions",
            description = "List subscriptions of the authenticated customer.")
    @APIResponse(responseCode = "200", description = "A page of the customer's subscriptions.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public ListResource<CustomerSubscriptionResponse> list(
            @QueryParam("product_id") List<String> productId,
            @QueryParam("active") String active,
            @QueryParam("query") String query,
            @QueryParam("page") String page,
            @QueryParam("limit") String limit) {
        var request = PageRequest.of(page, limit);
        var filter = PortalPurchaseService.SubscriptionFilter.of(productId, active, query);
        return ListResource.of(purchases.subscriptions(caller.portalUser(), filter, request), request);
    }

    @Idempotent
    @PATCH
    @Path("/{id}")
    @RequiresScope(Scope.CUSTOMER_PORTAL_WRITE)
    @Operation(
            operationId = "customer_portal:subscriptions:update",
            summary = "Update Subscription",
            description = "For owners and billing managers: the body and rules of PATCH /v1/subscriptions/{id}"
                    + " (cancel_at_period_end; seats at once; Beyond Polar, seats at the period end with"
                    + " proration_behavior next_period and release_seat_ids or release_strategy), on a subscription of"
                    + " the caller's customer.")
    @APIResponse(responseCode = "200", description = "The subscription, with its pending_update when one is scheduled.")
    @APIResponse(
            responseCode = "400",
            description = "Outside the tiers, below the seats assigned, or SeatsBelowAssigned.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Not permitted (a plain member), or the subscription is canceled.")
    @APIResponse(responseCode = "404", description = "Subscription not found.")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public CustomerSubscriptionResponse update(@PathParam("id") String id, JsonBody body) {
        var user = caller.billingManager();
        var subscriptionId = Ids.path("id", id);
        return purchases.updateSubscription(user, subscriptionId, SubscriptionUpdate.read(body));
    }
}

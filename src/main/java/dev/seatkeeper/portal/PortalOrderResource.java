package dev.seatkeeper.portal;

import dev.seatkeeper.platform.ListResource;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.purchases.CustomerOrderResponse;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The orders of the portal user's customer. Orders are billing data: Polar
 * (server/polar/customer_portal/endpoints/order.py) lists them for the billing customer's session and for members
 * who are owners or billing managers, and answers a plain member 403 {@code NotPermitted} "Only owners and billing
 * managers can access billing features." ({@code CustomerPortalUnionBillingRead} in customer_portal/auth.py).
 */
@ApplicationScoped
@Path("/v1/customer-portal/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customer_portal")
@SecurityRequirement(name = "customer_session", scopes = "customer_portal:read")
@SecurityRequirement(name = "member_session", scopes = "customer_portal:read")
public class PortalOrderResource {
    @EJB
    PortalPurchaseService purchases;

    @Inject
    Caller caller;

    /**
     * A page of the customer's orders, newest first, as Polar's {@code ListResource[CustomerOrder]}. Takes Polar's
     * {@code page}, {@code limit}, {@code product_id}, {@code product_billing_type}, {@code subscription_id} (each
     * repeatable) and {@code query}; {@code sorting} is accepted and the default order kept. 401 without a valid
     * portal session, 403 for a plain member, 422 for a parameter Polar would refuse.
     */
    @GET
    @RequiresScope({Scope.CUSTOMER_PORTAL_READ, Scope.CUSTOMER_PORTAL_WRITE})
    @Operation(
            operationId = "customer_portal:orders:list",
            summary = "List Orders",
            description = "List orders of the authenticated customer.")
    @APIResponse(responseCode = "200", description = "A page of the customer's orders.")
    @APIResponse(responseCode = "401", description = "Authentication required")
    @APIResponse(responseCode = "403", description = "Only owners and billing managers can access billing features.")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "HTTPValidationError")))
    public ListResource<CustomerOrderResponse> list(
            @QueryParam("product_id") List<String> productId,
            @QueryParam("product_billing_type") List<String> productBillingType,
            @QueryParam("subscription_id") List<String> subscriptionId,
            @QueryParam("query") String query,
            @QueryParam("page") String page,
            @QueryParam("limit") String limit) {
        // The role is checked before the parameters are read, as Polar's dependency runs before validation reports.
        var user = caller.billingManager();
        var request = PageRequest.of(page, limit);
        var filter = PortalPurchaseService.OrderFilter.of(productId, productBillingType, subscriptionId, query);
        return ListResource.of(purchases.orders(user, filter, request), request);
    }
}

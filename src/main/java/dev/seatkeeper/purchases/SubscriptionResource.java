package dev.seatkeeper.purchases;

import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.JsonBody;
import dev.seatkeeper.platform.ListResource;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "subscriptions")
@SecurityRequirement(name = "access_token")
public class SubscriptionResource {
    @EJB
    SubscriptionService subscriptions;

    @Inject
    Caller caller;

    @POST
    @RequiresScope(Scope.SUBSCRIPTIONS_WRITE)
    @Operation(
            operationId = "subscriptions:create",
            summary = "Create Subscription",
            description =
                    "Starts an active subscription now. Takes `seats` besides Polar's fields; by default the product's minimum.")
    @APIResponse(responseCode = "201", description = "Subscription created, status active.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public Response create(JsonBody body) {
        var request = NewPurchase.read(body);
        body.check();
        return Response.status(201)
                .entity(SubscriptionResponse.of(subscriptions.create(caller.organizationId(), request)))
                .build();
    }

    @GET
    @Path("/{id}")
    @RequiresScope({Scope.SUBSCRIPTIONS_READ, Scope.SUBSCRIPTIONS_WRITE})
    @Operation(operationId = "subscriptions:get", summary = "Get Subscription")
    @APIResponse(responseCode = "200", description = "The subscription.")
    @APIResponse(responseCode = "404", description = "Subscription not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public SubscriptionResponse get(@PathParam("id") String id) {
        return SubscriptionResponse.of(subscriptions.get(caller.organizationId(), Ids.path("id", id)));
    }

    @GET
    @RequiresScope({Scope.SUBSCRIPTIONS_READ, Scope.SUBSCRIPTIONS_WRITE})
    @Operation(operationId = "subscriptions:list", summary = "List Subscriptions")
    @APIResponse(responseCode = "200", description = "A page of subscriptions, newest first.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public ListResource<SubscriptionResponse> list(
            @QueryParam("customer_id") String customerId,
            @QueryParam("page") String page,
            @QueryParam("limit") String limit) {
        var request = PageRequest.of(page, limit);
        var byCustomer = Ids.query("customer_id", customerId);
        return ListResource.of(
                subscriptions.list(caller.organizationId(), byCustomer, request).map(SubscriptionResponse::of),
                request);
    }

    @PATCH
    @Path("/{id}")
    @RequiresScope(Scope.SUBSCRIPTIONS_WRITE)
    @Operation(operationId = "subscriptions:update", summary = "Update Subscription seats")
    @APIResponse(responseCode = "200", description = "The subscription with its new seat count.")
    @APIResponse(responseCode = "400", description = "Outside the product's tiers, or below the seats assigned.")
    @APIResponse(responseCode = "403", description = "The subscription is canceled.")
    @APIResponse(responseCode = "404", description = "Subscription not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public SubscriptionResponse updateSeats(@PathParam("id") String id, JsonBody body) {
        var subscriptionId = Ids.path("id", id);
        Long seats = body.requiredLongBetween("seats", 1, JsonBody.INT32_MAX);
        body.optionalEnum("proration_behavior", List.of("invoice", "prorate", "next_period"));
        body.forbidOtherFields(Set.of("seats", "proration_behavior"));
        body.check();
        return SubscriptionResponse.of(
                subscriptions.updateSeats(caller.organizationId(), subscriptionId, Math.toIntExact(seats)));
    }

    @DELETE
    @Path("/{id}")
    @RequiresScope(Scope.SUBSCRIPTIONS_WRITE)
    @Operation(
            operationId = "subscriptions:revoke",
            summary = "Revoke Subscription",
            description = "Ends the subscription now and revokes every seat on it.")
    @APIResponse(responseCode = "200", description = "The canceled subscription.")
    @APIResponse(responseCode = "403", description = "Already canceled.")
    @APIResponse(responseCode = "404", description = "Subscription not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public SubscriptionResponse revoke(@PathParam("id") String id) {
        return SubscriptionResponse.of(subscriptions.revoke(caller.organizationId(), Ids.path("id", id)));
    }
}

package dev.seatkeeper.purchases;

import dev.seatkeeper.idempotency.Idempotent;
import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.Instants;
import dev.seatkeeper.platform.JsonBody;
import dev.seatkeeper.platform.ListResource;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.platform.Timestamps;
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
import java.time.OffsetDateTime;
import java.util.Optional;
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

    /** How far back a created subscription's first period may have ended (the catch-up it makes is bounded). */
    static final int MAX_PERIOD_END_YEARS_BACK = 5;

    @EJB
    SubscriptionUpdateService updates;

    @Inject
    Caller caller;

    @POST
    @RequiresScope(Scope.SUBSCRIPTIONS_WRITE)
    @Operation(
            operationId = "subscriptions:create",
            summary = "Create Subscription",
            description =
                    "Starts an active subscription now. Takes `seats` besides Polar's fields; by default the product's minimum."
                            + " Beyond Polar, `current_period_end` (ISO-8601 with an offset; in the past, at most 5 years"
                            + " back, or near future, for tests and imports) sets the end of the first period; by default"
                            + " one interval from now.")
    @APIResponse(responseCode = "201", description = "Subscription created, status active.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public Response create(JsonBody body) {
        var request = NewPurchase.read(body);
        var periodEnd = readPeriodEnd(body);
        body.check();
        return Response.status(201)
                .entity(SubscriptionResponse.of(subscriptions.create(caller.organizationId(), request, periodEnd)))
                .build();
    }

    /**
     * {@code current_period_end}: an instant with an offset (UTC), at most {@value #MAX_PERIOD_END_YEARS_BACK} years
     * in the past. Each period that ended before now is rolled by the period clock, one transaction and one
     * {@code subscription.cycled} each, ahead of everything else the scheduler has due: a period end centuries back
     * would hold the scheduler for thousands of rolls, so it is refused (422 at {@code ["body","current_period_end"]},
     * nothing stored). Problems go to {@code body}.
     */
    static Optional<OffsetDateTime> readPeriodEnd(JsonBody body) {
        var periodEnd = Instants.optional(body, "current_period_end");
        if (periodEnd.isPresent() && periodEnd.get().isBefore(Timestamps.now().minusYears(MAX_PERIOD_END_YEARS_BACK))) {
            body.reject(
                    "current_period_end",
                    "value_error",
                    "Value error, current_period_end must be at most " + MAX_PERIOD_END_YEARS_BACK
                            + " years in the past.");
            return Optional.empty();
        }
        return periodEnd;
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

    @Idempotent
    @PATCH
    @Path("/{id}")
    @RequiresScope(Scope.SUBSCRIPTIONS_WRITE)
    @Operation(
            operationId = "subscriptions:update",
            summary = "Update Subscription",
            description =
                    "Polar's SubscriptionCancel (`cancel_at_period_end`: the subscription stays active until the"
                            + " period end, then is canceled and its seats revoked) or SubscriptionUpdateSeats (`seats`, applied"
                            + " at once). Beyond Polar: with `proration_behavior: \"next_period\"` a decrease waits for the"
                            + " period end and shows as `pending_update`; if the seats held then would exceed the new count,"
                            + " `release_seat_ids` (exactly that many pending or claimed seats, which get `revokes_at`) or"
                            + " `release_strategy` (`pending_first`, `least_recently_active`, chosen at the period end) says who"
                            + " leaves. `{\"seats\": null, \"proration_behavior\": \"next_period\"}` cancels the pending change.")
    @APIResponse(responseCode = "200", description = "The subscription, with its pending_update when one is scheduled.")
    @APIResponse(
            responseCode = "400",
            description = "Outside the product's tiers, below the seats assigned, or SeatsBelowAssigned (a decrease at"
                    + " the period end that names no leavers).")
    @APIResponse(responseCode = "403", description = "The subscription is canceled, or ends at the period end.")
    @APIResponse(responseCode = "404", description = "Subscription not found.")
    @APIResponse(
            responseCode = "422",
            description = "Validation Error (at [\"body\",\"release_seat_ids\"]: ids that are"
                    + " not this subscription's held seats, or more or fewer than must leave)")
    public SubscriptionResponse update(@PathParam("id") String id, JsonBody body) {
        var subscriptionId = Ids.path("id", id);
        var request = SubscriptionUpdate.read(body);
        return SubscriptionResponse.of(
                updates.update(caller.organizationId(), Optional.empty(), subscriptionId, request));
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

package dev.seatkeeper.webhooks;

import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.ListResource;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import dev.seatkeeper.webhooks.WebhookResponses.WebhookDeliveryResponse;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The attempts made to an organization's endpoints, and sending an event again (contract, "Endpoint API"). */
@ApplicationScoped
@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
@SecurityRequirement(name = "access_token")
public class WebhookDeliveryResource {
    @EJB
    WebhookEndpointService endpoints;

    @Inject
    Caller caller;

    @GET
    @Path("/deliveries")
    @RequiresScope({Scope.WEBHOOKS_READ, Scope.WEBHOOKS_WRITE})
    @Operation(operationId = "webhooks:list_webhook_deliveries", summary = "List Webhook Deliveries")
    @APIResponse(responseCode = "200", description = "A page of attempts, newest first, each with its event.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public ListResource<WebhookDeliveryResponse> deliveries(
            @QueryParam("endpoint_id") String endpointId,
            @QueryParam("page") String page,
            @QueryParam("limit") String limit) {
        var request = PageRequest.of(page, limit);
        var endpoint = Ids.query("endpoint_id", endpointId);
        return ListResource.of(
                endpoints.deliveries(caller.organizationId(), endpoint, request).map(WebhookDeliveryResponse::of),
                request);
    }

    @POST
    @Path("/events/{id}/redeliver")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(operationId = "webhooks:redeliver_webhook_event", summary = "Redeliver Webhook Event")
    @APIResponse(responseCode = "202", description = "The event will be sent again.")
    @APIResponse(responseCode = "404", description = "Not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public Response redeliver(@PathParam("id") String id) {
        endpoints.redeliver(caller.organizationId(), Ids.path("id", id));
        // Polar answers 202 with a JSON null; never an empty body.
        return Response.accepted("null").type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}

package dev.seatkeeper.webhooks;

import dev.seatkeeper.platform.ApiVersions;
import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.JsonBody;
import dev.seatkeeper.platform.ListResource;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.platform.Settings;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import dev.seatkeeper.webhooks.WebhookResponses.WebhookEndpointResponse;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Webhook endpoints (contract, "Endpoint API"), with Polar's paths, shapes and scopes ({@code webhooks:read},
 * {@code webhooks:write}). Another organization's endpoint answers 404 like an unknown one.
 */
@ApplicationScoped
@Path("/v1/webhooks/endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
@SecurityRequirement(name = "access_token")
public class WebhookEndpointResource {
    @EJB
    WebhookEndpointService endpoints;

    @Inject
    WebhookSettings settings;

    @Inject
    Settings serviceSettings;

    @Inject
    Caller caller;

    /** The version the request is made with; an unserved one never gets here (404 at the edge). */
    private String requestVersion(String header) {
        return serviceSettings.apiVersions().effective(header).orElseThrow();
    }

    @POST
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(operationId = "webhooks:create_webhook_endpoint", summary = "Create Webhook Endpoint")
    @RequestBody(
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookEndpointCreate")))
    @APIResponse(
            responseCode = "201",
            description = "The endpoint, with its signing secret (Standard Webhooks format).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookEndpoint")))
    @APIResponse(
            responseCode = "422",
            description = "Validation Error: URL, format, event types or api_version (not served, or later than the"
                    + " request's Polar-Version) refused.")
    public Response create(@HeaderParam(ApiVersions.HEADER) String versionHeader, JsonBody body) {
        String version = requestVersion(versionHeader);
        var request = EndpointRequest.forCreate(
                body, new EndpointAddresses(settings), serviceSettings.apiVersions(), version);
        return Response.status(201)
                .entity(WebhookEndpointResponse.of(endpoints.create(caller.organizationId(), request, version)))
                .build();
    }

    @GET
    @RequiresScope({Scope.WEBHOOKS_READ, Scope.WEBHOOKS_WRITE})
    @Operation(operationId = "webhooks:list_webhook_endpoints", summary = "List Webhook Endpoints")
    @APIResponse(responseCode = "200", description = "A page of endpoints, oldest first.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public ListResource<WebhookEndpointResponse> list(
            @QueryParam("page") String page, @QueryParam("limit") String limit) {
        var request = PageRequest.of(page, limit);
        return ListResource.of(
                endpoints.list(caller.organizationId(), request).map(WebhookEndpointResponse::of), request);
    }

    @GET
    @Path("/{id}")
    @RequiresScope({Scope.WEBHOOKS_READ, Scope.WEBHOOKS_WRITE})
    @Operation(operationId = "webhooks:get_webhook_endpoint", summary = "Get Webhook Endpoint")
    @APIResponse(responseCode = "200", description = "The endpoint.")
    @APIResponse(responseCode = "404", description = "Not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public WebhookEndpointResponse get(@PathParam("id") String id) {
        return WebhookEndpointResponse.of(endpoints.get(caller.organizationId(), Ids.path("id", id)));
    }

    @PATCH
    @Path("/{id}")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(
            operationId = "webhooks:update_webhook_endpoint",
            summary = "Update Webhook Endpoint",
            description = "Fields left out or null keep their value; disabling skips the endpoint's pending events.")
    @RequestBody(
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookEndpointUpdate")))
    @APIResponse(
            responseCode = "200",
            description = "The endpoint.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookEndpoint")))
    @APIResponse(responseCode = "404", description = "Not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public WebhookEndpointResponse update(
            @PathParam("id") String id, @HeaderParam(ApiVersions.HEADER) String versionHeader, JsonBody body) {
        var endpointId = Ids.path("id", id);
        var request = EndpointRequest.forUpdate(
                body, new EndpointAddresses(settings), serviceSettings.apiVersions(), requestVersion(versionHeader));
        return WebhookEndpointResponse.of(endpoints.update(caller.organizationId(), endpointId, request));
    }

    @DELETE
    @Path("/{id}")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(operationId = "webhooks:delete_webhook_endpoint", summary = "Delete Webhook Endpoint")
    @APIResponse(responseCode = "204", description = "Deleted, with its events and deliveries.")
    @APIResponse(responseCode = "404", description = "Not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public Response delete(@PathParam("id") String id) {
        endpoints.delete(caller.organizationId(), Ids.path("id", id));
        return Response.noContent().build();
    }

    @PATCH
    @Path("/{id}/secret")
    @RequiresScope(Scope.WEBHOOKS_WRITE)
    @Operation(
            operationId = "webhooks:reset_webhook_endpoint_secret",
            summary = "Reset Webhook Endpoint Secret",
            description = "The new secret has the Standard Webhooks format (uses_standard_webhook_signature becomes"
                    + " true). Beyond Polar, the previous secret keeps signing (its own signatures beside the new"
                    + " ones) for SEATKEEPER_WEBHOOK_SECRET_OVERLAP.")
    @APIResponse(
            responseCode = "200",
            description = "The endpoint with its new secret.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookEndpoint")))
    @APIResponse(responseCode = "404", description = "Not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public WebhookEndpointResponse resetSecret(@PathParam("id") String id) {
        return WebhookEndpointResponse.of(endpoints.resetSecret(caller.organizationId(), Ids.path("id", id)));
    }
}

package dev.seatkeeper.customers;

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
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customers")
@SecurityRequirement(name = "access_token")
public class CustomerResource {
    @EJB
    CustomerService customers;

    @Inject
    Caller caller;

    @POST
    @RequiresScope(Scope.CUSTOMERS_WRITE)
    @Operation(operationId = "customers:create", summary = "Create Customer")
    @APIResponse(responseCode = "201", description = "Customer created.")
    @APIResponse(responseCode = "422", description = "Validation Error (including an e-mail already in use)")
    public Response create(JsonBody body) {
        String type = body.optionalEnum("type", List.of("individual", "team")).orElse("individual");
        String email = requiredEmail(body, "email");
        String name = body.optionalString("name").orElse(null);
        String externalId = body.optionalString("external_id").orElse(null);
        JsonObject metadata = body.optionalMetadata("metadata").orElse(JsonObject.EMPTY_JSON_OBJECT);
        CustomerService.Owner owner = body.optionalNested("owner")
                .map(o -> new CustomerService.Owner(
                        requiredEmail(o, "email"),
                        o.optionalString("name").orElse(null),
                        o.optionalString("external_id").orElse(null)))
                .orElse(null);
        body.check();
        var customer = customers.create(
                caller.organizationId(),
                new CustomerService.NewCustomer(type, email.strip(), name, externalId, metadata, owner));
        return Response.status(201).entity(CustomerResponse.of(customer)).build();
    }

    static String requiredEmail(JsonBody body, String field) {
        String email = body.requiredString(field, Emails.MAX_LENGTH);
        if (email != null) {
            Emails.problem(email).ifPresent(reason -> body.reject(field, "value_error", Emails.message(reason)));
        }
        return email;
    }

    @GET
    @Path("/{id}")
    @RequiresScope({Scope.CUSTOMERS_READ, Scope.CUSTOMERS_WRITE})
    @Operation(operationId = "customers:get", summary = "Get Customer")
    @APIResponse(responseCode = "200", description = "The customer.")
    @APIResponse(responseCode = "404", description = "Customer not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public CustomerResponse get(@PathParam("id") String id) {
        return CustomerResponse.of(customers.get(caller.organizationId(), Ids.path("id", id)));
    }

    @GET
    @RequiresScope({Scope.CUSTOMERS_READ, Scope.CUSTOMERS_WRITE})
    @Operation(operationId = "customers:list", summary = "List Customers")
    @APIResponse(responseCode = "200", description = "A page of customers, newest first.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public ListResource<CustomerResponse> list(
            @QueryParam("email") String email, @QueryParam("page") String page, @QueryParam("limit") String limit) {
        var request = PageRequest.of(page, limit);
        var org = caller.organizationId();
        var byEmail = Optional.ofNullable(email).filter(e -> !e.isBlank());
        return ListResource.of(customers.list(org, byEmail, request).map(CustomerResponse::of), request);
    }
}

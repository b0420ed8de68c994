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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders")
@SecurityRequirement(name = "access_token")
public class OrderResource {
    @EJB
    OrderService orders;

    @Inject
    Caller caller;

    @POST
    @RequiresScope(Scope.ORDERS_WRITE)
    @Operation(
            operationId = "orders:create",
            summary = "Create Order",
            description = "Records a one-time purchase of seats. `status` may be `pending` for an order not yet paid; "
                    + "by default it is `paid`.")
    @APIResponse(responseCode = "201", description = "Order created.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public Response create(JsonBody body) {
        var request = NewPurchase.read(body);
        String status =
                body.optionalEnum("status", List.of(Order.PAID, Order.PENDING)).orElse(Order.PAID);
        body.check();
        return Response.status(201)
                .entity(OrderResponse.of(orders.create(caller.organizationId(), request, status)))
                .build();
    }

    @GET
    @RequiresScope({Scope.ORDERS_READ, Scope.ORDERS_WRITE})
    @Operation(operationId = "orders:list", summary = "List Orders")
    @APIResponse(responseCode = "200", description = "A page of orders, newest first.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public ListResource<OrderResponse> list(
            @QueryParam("customer_id") String customerId,
            @QueryParam("page") String page,
            @QueryParam("limit") String limit) {
        var request = PageRequest.of(page, limit);
        var byCustomer = Ids.query("customer_id", customerId);
        return ListResource.of(
                orders.list(caller.organizationId(), byCustomer, request).map(OrderResponse::of), request);
    }

    @GET
    @Path("/{id}")
    @RequiresScope({Scope.ORDERS_READ, Scope.ORDERS_WRITE})
    @Operation(operationId = "orders:get", summary = "Get Order")
    @APIResponse(responseCode = "200", description = "The order.")
    @APIResponse(responseCode = "404", description = "Order not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public OrderResponse get(@PathParam("id") String id) {
        return OrderResponse.of(orders.get(caller.organizationId(), Ids.path("id", id)));
    }
}

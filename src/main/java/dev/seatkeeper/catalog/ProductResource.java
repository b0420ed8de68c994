package dev.seatkeeper.catalog;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("/v1/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "products")
@SecurityRequirement(name = "access_token")
public class ProductResource {
    @EJB
    ProductService products;

    @Inject
    Caller caller;

    @POST
    @RequiresScope(Scope.PRODUCTS_WRITE)
    @Operation(operationId = "products:create", summary = "Create Product")
    @APIResponse(responseCode = "201", description = "Product created.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public Response create(JsonBody body) {
        String name = body.requiredText("name");
        String description = body.optionalString("description", 8000).orElse(null);
        String interval = body.optionalEnum("recurring_interval", List.of("month", "year"))
                .orElse(null);
        JsonObject metadata = body.optionalMetadata("metadata").orElse(JsonObject.EMPTY_JSON_OBJECT);
        List<JsonBody> prices = body.requiredObjectList("prices");
        if (body.has("prices") && prices.size() != 1) {
            body.reject("prices", "value_error", "Value error, Exactly one seat-based price is required.");
        }
        String currency = "usd";
        List<SeatTier> tiers = new ArrayList<>();
        for (JsonBody price : prices) {
            price.requiredEnum("amount_type", List.of("seat_based"));
            currency = price.optionalString("price_currency")
                    .map(c -> c.toLowerCase(Locale.ROOT))
                    .orElse("usd");
            if (!currency.matches("[a-z]{3}")) {
                price.reject("price_currency", "value_error", "Value error, A currency is a three-letter ISO code.");
            }
            price.requiredNested("seat_tiers").ifPresent(seatTiers -> tiers.addAll(readTiers(seatTiers)));
        }
        body.check();
        var product = products.create(
                caller.organizationId(),
                new ProductService.NewProduct(name.strip(), description, interval, metadata, currency, tiers));
        return Response.status(201).entity(ProductResponse.of(product)).build();
    }

    /** Tiers must start at one seat or more and follow each other without gaps or overlaps; only the last may be open. */
    private static List<SeatTier> readTiers(JsonBody seatTiers) {
        var tiers = new ArrayList<SeatTier>();
        for (JsonBody tier : seatTiers.requiredObjectList("tiers")) {
            Long min = tier.requiredLongBetween("min_seats", 1, JsonBody.INT32_MAX);
            Long max =
                    tier.optionalLongBetween("max_seats", 1, JsonBody.INT32_MAX).orElse(null);
            Long price = tier.requiredLongBetween("price_per_seat", 0, JsonBody.INT32_MAX);
            if (min != null && price != null) {
                tiers.add(new SeatTier(min, max, price));
            }
        }
        if (seatTiers.has("tiers") && tiers.isEmpty()) {
            seatTiers.reject("tiers", "too_short", "List should have at least 1 item after validation, not 0");
            return tiers;
        }
        tiers.sort(Comparator.comparingLong(SeatTier::minSeats));
        for (int i = 0; i < tiers.size(); i++) {
            SeatTier t = tiers.get(i);
            boolean last = i == tiers.size() - 1;
            if (t.maxSeats() != null && t.maxSeats() < t.minSeats()) {
                seatTiers.reject(
                        "tiers", "value_error", "Value error, max_seats must be greater than or equal to min_seats.");
            } else if (!last && (t.maxSeats() == null || tiers.get(i + 1).minSeats() != t.maxSeats() + 1)) {
                seatTiers.reject(
                        "tiers",
                        "value_error",
                        "Value error, Tiers must be contiguous: each tier must start one seat after the previous one ends.");
            }
        }
        return tiers;
    }

    @GET
    @Path("/{id}")
    @RequiresScope({Scope.PRODUCTS_READ, Scope.PRODUCTS_WRITE})
    @Operation(operationId = "products:get", summary = "Get Product")
    @APIResponse(responseCode = "200", description = "The product.")
    @APIResponse(responseCode = "404", description = "Product not found.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public ProductResponse get(@PathParam("id") String id) {
        return ProductResponse.of(products.get(caller.organizationId(), Ids.path("id", id)));
    }

    @GET
    @RequiresScope({Scope.PRODUCTS_READ, Scope.PRODUCTS_WRITE})
    @Operation(operationId = "products:list", summary = "List Products")
    @APIResponse(responseCode = "200", description = "A page of products, newest first.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public ListResource<ProductResponse> list(@QueryParam("page") String page, @QueryParam("limit") String limit) {
        var request = PageRequest.of(page, limit);
        return ListResource.of(products.list(caller.organizationId(), request).map(ProductResponse::of), request);
    }
}

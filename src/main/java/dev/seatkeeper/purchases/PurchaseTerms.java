package dev.seatkeeper.purchases;

import dev.seatkeeper.catalog.Product;
import dev.seatkeeper.catalog.ProductService;
import dev.seatkeeper.catalog.SeatTier;
import dev.seatkeeper.customers.Customer;
import dev.seatkeeper.customers.CustomerService;
import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.ValidationIssue;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Resolves a {@link NewPurchase} into the organization's customer and product and a seat count the product's
 * tiers allow. Unknown references are validation errors on the field that names them, as Polar reports them.
 */
@Stateless
public class PurchaseTerms {
    @EJB
    CustomerService customers;

    @EJB
    ProductService products;

    public record Terms(Customer customer, Product product, int seats) {}

    public Terms resolve(UUID organizationId, NewPurchase request, boolean subscription) {
        var issues = new ArrayList<ValidationIssue>();
        Customer customer = customers
                .findByReference(organizationId, request.customerId(), request.externalCustomerId())
                .orElse(null);
        if (customer == null) {
            issues.add(CustomerService.doesNotExist(request.customerId(), request.externalCustomerId()));
        }
        Product product = products.find(organizationId, request.productId()).orElse(null);
        if (product == null) {
            issues.add(new ValidationIssue(
                    "value_error",
                    List.of("body", "product_id"),
                    "Product does not exist.",
                    request.productId().toString()));
        }
        // A subscription needs the product's billing interval; an order (a one-time purchase of seats) does not.
        if (product != null && subscription && !product.isRecurring()) {
            issues.add(new ValidationIssue(
                    "value_error",
                    List.of("body", "product_id"),
                    "Product is not recurring: buy it with an order.",
                    request.productId().toString()));
        }
        long seats = 0;
        if (product != null) {
            var tiers = product.seatTiers();
            seats = request.seats()
                    .orElse(tiers.stream().mapToLong(SeatTier::minSeats).min().orElse(1));
            if (product.tierFor(seats).isEmpty()) {
                issues.add(new ValidationIssue(
                        "value_error",
                        List.of("body", "seats"),
                        "The product's seat tiers do not allow " + seats + " seats.",
                        seats));
            }
        }
        if (!issues.isEmpty()) {
            throw new RequestValidationException(issues);
        }
        return new Terms(customer, product, Math.toIntExact(seats));
    }
}

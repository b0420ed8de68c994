package dev.seatkeeper.portal;

import dev.seatkeeper.organizations.OrganizationService;
import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.Page;
import dev.seatkeeper.platform.PageRequest;
import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.ValidationIssue;
import dev.seatkeeper.purchases.CustomerOrderResponse;
import dev.seatkeeper.purchases.CustomerSubscriptionResponse;
import dev.seatkeeper.purchases.Order;
import dev.seatkeeper.purchases.Subscription;
import dev.seatkeeper.purchases.SubscriptionUpdate;
import dev.seatkeeper.purchases.SubscriptionUpdateService;
import dev.seatkeeper.security.Principal;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code GET /v1/customer-portal/subscriptions/} and {@code GET /v1/customer-portal/orders/}: the purchases of the
 * portal user's customer, as Polar's portal lists them (server/polar/customer_portal/service/subscription.py and
 * service/order.py, whose readable statements keep the rows whose {@code customer_id} is the caller's customer, or
 * the member's customer). Who may call which list is decided by the resources; this service only ever reads the
 * caller's own customer's rows, so another customer's purchases never appear.
 */
@Stateless
public class PortalPurchaseService {
    @PersistenceContext
    EntityManager em;

    @EJB
    OrganizationService organizations;

    @EJB
    SubscriptionUpdateService updates;

    /** Polar's statuses behind {@code active=true} and {@code active=false} (SubscriptionStatus.active_statuses, revoked_statuses). */
    private static final List<String> ACTIVE_STATUSES = List.of(Subscription.ACTIVE, "trialing");

    private static final List<String> REVOKED_STATUSES = List.of(Subscription.CANCELED, "unpaid");

    /**
     * The filters Polar's subscription list takes besides paging: {@code product_id} (any of them), {@code active}
     * (active or trialing when true, canceled or unpaid when false) and {@code query} (in the product's name, case
     * ignored).
     */
    public record SubscriptionFilter(List<UUID> productIds, Optional<Boolean> active, Optional<String> query) {

        /**
         * Reads the query parameters (each may be null or absent). Raises 422 with every issue found: pydantic's
         * {@code uuid_parsing}/{@code uuid_version} at {@code ["query", "product_id", index]}, {@code bool_parsing}
         * at {@code ["query", "active"]}.
         */
        public static SubscriptionFilter of(List<String> productIds, String active, String query) {
            var issues = new ArrayList<ValidationIssue>();
            List<UUID> ids = collect(() -> Ids.queryList("product_id", productIds), issues);
            Optional<Boolean> activeFlag = bool("active", active, issues);
            check(issues);
            return new SubscriptionFilter(ids, activeFlag, text(query));
        }
    }

    /**
     * The filters Polar's order list takes besides paging: {@code product_id}, {@code product_billing_type}
     * ({@code one_time} or {@code recurring}, by the product), {@code subscription_id} and {@code query} (in the
     * product's name, case ignored).
     */
    public record OrderFilter(
            List<UUID> productIds, Set<String> billingTypes, List<UUID> subscriptionIds, Optional<String> query) {

        /**
         * Reads the query parameters (each may be null or absent). Raises 422 with every issue found: UUID issues at
         * {@code ["query", "product_id" | "subscription_id", index]}, {@code enum} at
         * {@code ["query", "product_billing_type", index]}.
         */
        public static OrderFilter of(
                List<String> productIds, List<String> billingTypes, List<String> subscriptionIds, String query) {
            var issues = new ArrayList<ValidationIssue>();
            List<UUID> products = collect(() -> Ids.queryList("product_id", productIds), issues);
            List<UUID> subscriptions = collect(() -> Ids.queryList("subscription_id", subscriptionIds), issues);
            var types = new LinkedHashSet<String>();
            if (billingTypes != null) {
                for (int i = 0; i < billingTypes.size(); i++) {
                    String type = billingTypes.get(i);
                    if (type == null || type.isEmpty()) {
                        continue;
                    }
                    if (type.equals("one_time") || type.equals("recurring")) {
                        types.add(type);
                    } else {
                        issues.add(new ValidationIssue(
                                "enum",
                                List.of("query", "product_billing_type", i),
                                "Input should be 'one_time' or 'recurring'",
                                type));
                    }
                }
            }
            check(issues);
            return new OrderFilter(products, Set.copyOf(types), subscriptions, text(query));
        }
    }

    /**
     * One page of the subscriptions of {@code user}'s customer that have started, most recently started first
     * (Polar's default sorting, {@code -started_at}), as Polar's CustomerSubscription. Page and total are read in one
     * transaction.
     */
    public Page<CustomerSubscriptionResponse> subscriptions(
            Principal.PortalUser user, SubscriptionFilter filter, PageRequest page) {
        var params = new HashMap<String, Object>();
        var where = new StringBuilder(
                " where sub.organizationId = :org and sub.customer.id = :customer and sub.startedAt is not null");
        params.put("org", user.organizationId());
        params.put("customer", user.customerId());
        if (!filter.productIds().isEmpty()) {
            where.append(" and sub.product.id in :products");
            params.put("products", filter.productIds());
        }
        filter.active().ifPresent(active -> {
            where.append(" and sub.status in :statuses");
            params.put("statuses", active ? ACTIVE_STATUSES : REVOKED_STATUSES);
        });
        filter.query().ifPresent(q -> nameContains(where, params, "sub", q));
        var items = bind(
                em.createQuery(
                        "select sub from Subscription sub join fetch sub.customer join fetch sub.product" + where
                                + " order by sub.startedAt desc, sub.id",
                        Subscription.class),
                params);
        var count = bind(em.createQuery("select count(sub) from Subscription sub" + where, Long.class), params);
        var organization = organizations.get(user.organizationId());
        return Page.of(items, count, page).map(s -> CustomerSubscriptionResponse.of(s, organization));
    }

    /**
     * {@code PATCH /v1/customer-portal/subscriptions/{id}} for a billing role: the body and rules of
     * {@code PATCH /v1/subscriptions/{id}} (contract, "Scheduled decrease naming who leaves"), on a subscription of
     * the caller's own customer only (any other is {@code ResourceNotFound}). Returns Polar's CustomerSubscription.
     */
    public CustomerSubscriptionResponse updateSubscription(
            Principal.PortalUser user, UUID subscriptionId, SubscriptionUpdate request) {
        var subscription =
                updates.update(user.organizationId(), Optional.of(user.customerId()), subscriptionId, request);
        return CustomerSubscriptionResponse.of(subscription, organizations.get(user.organizationId()));
    }

    /**
     * One page of the orders of {@code user}'s customer, newest first (Polar's default sorting, {@code -created_at}),
     * as Polar's CustomerOrder. Page and total are read in one transaction. Seat orders here are one-time purchases
     * that belong to no subscription, so a {@code subscription_id} filter matches none of them.
     */
    public Page<CustomerOrderResponse> orders(Principal.PortalUser user, OrderFilter filter, PageRequest page) {
        if (!filter.subscriptionIds().isEmpty()) {
            return new Page<>(List.of(), 0);
        }
        var params = new HashMap<String, Object>();
        var where = new StringBuilder(" where o.organizationId = :org and o.customer.id = :customer");
        params.put("org", user.organizationId());
        params.put("customer", user.customerId());
        if (!filter.productIds().isEmpty()) {
            where.append(" and o.product.id in :products");
            params.put("products", filter.productIds());
        }
        // Polar's product billing type: recurring products have an interval, one-time products none.
        if (filter.billingTypes().size() == 1) {
            where.append(
                    filter.billingTypes().contains("recurring")
                            ? " and o.product.recurringInterval is not null"
                            : " and o.product.recurringInterval is null");
        }
        filter.query().ifPresent(q -> nameContains(where, params, "o", q));
        var items = bind(
                em.createQuery(
                        "select o from Order o join fetch o.customer join fetch o.product" + where
                                + " order by o.createdAt desc, o.id",
                        Order.class),
                params);
        var count = bind(em.createQuery("select count(o) from Order o" + where, Long.class), params);
        var organization = organizations.get(user.organizationId());
        return Page.of(items, count, page).map(o -> CustomerOrderResponse.of(o, organization));
    }

    /** Polar's {@code Product.name.icontains(query, autoescape=True)}: {@code %} and {@code _} match themselves. */
    private static void nameContains(StringBuilder where, Map<String, Object> params, String alias, String query) {
        String escaped = query.toLowerCase(Locale.ROOT)
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
        where.append(" and lower(").append(alias).append(".product.name) like :name escape '!'");
        params.put("name", "%" + escaped + "%");
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    private static <T> List<T> collect(Supplier<List<T>> parse, List<ValidationIssue> issues) {
        try {
            return parse.get();
        } catch (RequestValidationException e) {
            issues.addAll(e.issues());
            return List.of();
        }
    }

    /** pydantic's strings for a boolean (case ignored); absent or empty is no filter, as for other query values. */
    private static Optional<Boolean> bool(String name, String text, List<ValidationIssue> issues) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        switch (text.toLowerCase(Locale.ROOT)) {
            case "1", "on", "t", "true", "y", "yes":
                return Optional.of(true);
            case "0", "off", "f", "false", "n", "no":
                return Optional.of(false);
            default:
                issues.add(new ValidationIssue(
                        "bool_parsing",
                        List.of("query", name),
                        "Input should be a valid boolean, unable to interpret input",
                        text));
                return Optional.empty();
        }
    }

    private static Optional<String> text(String query) {
        return query == null ? Optional.empty() : Optional.of(query);
    }

    private static void check(List<ValidationIssue> issues) {
        if (!issues.isEmpty()) {
            throw new RequestValidationException(issues);
        }
    }
}

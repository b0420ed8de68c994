package dev.seatkeeper.usage;

import dev.seatkeeper.platform.Ids;
import dev.seatkeeper.platform.Jsonp;
import dev.seatkeeper.platform.RequestValidationException;
import dev.seatkeeper.platform.TimestampSerializer;
import dev.seatkeeper.platform.ValidationIssue;
import dev.seatkeeper.security.Caller;
import dev.seatkeeper.security.RequiresScope;
import dev.seatkeeper.security.Scope;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v1/metrics/} (Polar's Get Metrics, {@code metrics:read}) with Polar's seat metrics only, in Polar's
 * MetricsResponse shape: {@code periods} (a {@code timestamp} and each slug's value), {@code totals}, and
 * {@code metrics} (slug, display name and type of each). Beyond Polar, periods and totals also carry
 * {@code median_time_to_claim_seconds} and {@code seats_revoked}.
 */
@ApplicationScoped
@Path("/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics")
@SecurityRequirement(name = "access_token")
public class MetricsResource {
    static final List<String> BILLING_TYPES = List.of("recurring", "one_time");

    @EJB
    SeatMetricsService metrics;

    @Inject
    Caller caller;

    @GET
    @RequiresScope(Scope.METRICS_READ)
    @Operation(
            operationId = "metrics:get",
            summary = "Get Metrics (seat metrics)",
            description = "Polar's seat metrics (seats_total, seats_claimed, seats_pending, seat_customers,"
                    + " new_seat_customers, churned_seat_customers, average_seats_per_customer,"
                    + " seat_utilization_rate) per period of `interval` (year, month, week, day, hour) from"
                    + " `start_date` to `end_date` in `timezone` (default UTC), defined as Polar defines them; filters"
                    + " `product_id`, `customer_id`, `billing_type`, `organization_id` (repeatable), `metrics` (slugs)."
                    + " Beyond Polar, each period and the totals carry median_time_to_claim_seconds (invitation claims;"
                    + " null when none) and seats_revoked (revocation_reason to count).")
    @APIResponse(responseCode = "200", description = "Polar's MetricsResponse.")
    @APIResponse(responseCode = "422", description = "Validation Error")
    public String get(
            @QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate,
            @QueryParam("timezone") String timezone,
            @QueryParam("interval") String interval,
            @QueryParam("organization_id") List<String> organizationIds,
            @QueryParam("product_id") List<String> productIds,
            @QueryParam("customer_id") List<String> customerIds,
            @QueryParam("billing_type") List<String> billingTypes,
            @QueryParam("metrics") List<String> slugs) {
        LocalDate start = QueryDates.required("start_date", startDate);
        LocalDate end = QueryDates.required("end_date", endDate);
        String every = QueryDates.oneOf("interval", interval, MetricsWindow.INTERVALS, null);
        ZoneId zone = zone(timezone);
        Set<String> types = new HashSet<>();
        billingTypes.forEach(t -> types.add(QueryDates.oneOf("billing_type", t, BILLING_TYPES, null)));
        Set<String> requested = requested(slugs);
        List<UUID> organizations = Ids.queryList("organization_id", organizationIds);
        var filters = new SeatMetricsService.Filters(
                Set.copyOf(Ids.queryList("product_id", productIds)),
                Set.copyOf(Ids.queryList("customer_id", customerIds)),
                types);
        if (start.isAfter(end) || end.toEpochDay() - start.toEpochDay() > MetricsWindow.MAX_DAYS.get(every)) {
            throw QueryDates.tooLong(List.of(start.toString(), end.toString(), every));
        }
        var window = MetricsWindow.of(start, end, every, zone);
        // Every boundary is written into SQL as a timestamp: within years 1 to 9999 (UTC), as both databases take them.
        if (window.start(0) < MetricsWindow.EARLIEST) {
            throw QueryDates.outOfRange("start_date", startDate);
        }
        if (window.end(window.timestamps().size() - 1) >= MetricsWindow.LATEST) {
            throw QueryDates.outOfRange("end_date", endDate);
        }
        // An organization filter that leaves out the caller's own organization leaves no seats: Polar's filter
        // narrows what the token may read, it never widens it.
        UUID organization = caller.organizationId();
        SeatMetrics.Result result = organizations.isEmpty() || organizations.contains(organization)
                ? metrics.metrics(organization, window, filters)
                : SeatMetrics.empty(window);
        return body(result, requested).toString();
    }

    private static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isEmpty()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timezone);
        } catch (RuntimeException e) {
            throw new RequestValidationException(new ValidationIssue(
                    "timezone_name", List.of("query", "timezone"), "Invalid timezone name.", timezone));
        }
    }

    /** The slugs asked for (all when none), refused as Polar refuses unknown ones. */
    private static Set<String> requested(List<String> slugs) {
        var known = new TreeSet<>(SeatMetrics.POLAR.keySet());
        known.add(SeatMetrics.MEDIAN);
        known.add(SeatMetrics.REVOKED);
        if (slugs.isEmpty()) {
            return known;
        }
        var invalid = new TreeSet<>(slugs);
        invalid.removeAll(known);
        if (!invalid.isEmpty()) {
            throw new RequestValidationException(new ValidationIssue(
                    "value_error",
                    List.of("query", "metrics"),
                    "Invalid metric slugs: " + String.join(", ", invalid),
                    slugs));
        }
        return Set.copyOf(slugs);
    }

    private static jakarta.json.JsonObject body(SeatMetrics.Result result, Set<String> requested) {
        var periods = Jsonp.PROVIDER.createArrayBuilder();
        for (SeatMetrics.Period period : result.periods()) {
            var item = Jsonp.PROVIDER
                    .createObjectBuilder()
                    .add(
                            "timestamp",
                            TimestampSerializer.format(period.timestamp().toOffsetDateTime()));
            period.values().forEach((slug, value) -> {
                if (requested.contains(slug)) {
                    add(item, slug, value);
                }
            });
            periods.add(item);
        }
        var totals = Jsonp.PROVIDER.createObjectBuilder();
        result.totals().forEach((slug, value) -> {
            if (requested.contains(slug)) {
                add(totals, slug, value);
            }
        });
        var described = Jsonp.PROVIDER.createObjectBuilder();
        SeatMetrics.POLAR.forEach((slug, info) -> {
            if (requested.contains(slug)) {
                described.add(
                        slug,
                        Jsonp.PROVIDER
                                .createObjectBuilder()
                                .add("slug", slug)
                                .add("display_name", info[0])
                                .add("type", info[1]));
            }
        });
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("periods", periods)
                .add("totals", totals)
                .add("metrics", described)
                .build();
    }

    private static void add(JsonObjectBuilder into, String name, Object value) {
        if (value == null) {
            into.addNull(name);
        } else if (value instanceof Long n) {
            into.add(name, n);
        } else if (value instanceof Double d) {
            into.add(name, d);
        } else if (value instanceof BigDecimal d) {
            into.add(name, d);
        } else if (value instanceof Map<?, ?> counts) {
            var object = Jsonp.PROVIDER.createObjectBuilder();
            counts.forEach((k, v) -> object.add(k.toString(), ((Number) v).longValue()));
            into.add(name, object);
        }
    }
}

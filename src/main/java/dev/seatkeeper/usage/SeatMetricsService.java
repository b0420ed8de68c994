package dev.seatkeeper.usage;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /v1/metrics/}: Polar's seat metrics over one organization's seats ({@link SeatMetrics}), counted by the
 * database per period ({@link MetricBuckets}), so that what is read into memory is bounded by the organization's
 * containers and the window's periods, never by its seats. The same SQL on H2 and PostgreSQL:
 *
 * <ul>
 *   <li>the seat counts, from the organization's seat steps ({@link SeatStepCounts}: a few rows per container and
 *       quarter hour, however many seats) whenever the window's boundaries fall on quarter hours; otherwise (a time
 *       zone's old local mean time) seat by seat: one pass over the organization's seats from
 *       {@code ix_seats_organization_metrics} alone, grouped by container and period indexes, and the window's
 *       revocations by reason from {@code ix_seats_organization_revoked};
 *   <li>the medians of the claim delays, per period and over the window, computed by the database
 *       ({@code PERCENTILE_CONT}) from the window's claims of invitations alone
 *       ({@code ix_seats_organization_invitation_claimed}).
 * </ul>
 *
 * Other organizations' seats and steps are never read, so another organization sees zeros.
 */
@Stateless
public class SeatMetricsService {
    @PersistenceContext
    EntityManager em;

    /**
     * Which seats count: by product, billing customer, and billing type ({@code recurring}: subscriptions,
     * {@code one_time}: orders); an empty set does not filter.
     */
    public record Filters(Set<UUID> productIds, Set<UUID> customerIds, Set<String> billingTypes) {}

    /**
     * Microseconds from assign to claim, as a whole number: H2 2.2 fails to interpolate PERCENTILE_CONT over doubles
     * such as 3.6E9 (a negative scale), and PostgreSQL casts the bigint to a double, exact below 2^53 (285 years).
     */
    private static final String CLAIM_DELAY =
            "CAST(EXTRACT(EPOCH FROM (s.invitation_claimed_at - s.created_at)) * 1000000 AS BIGINT)";

    /**
     * The metrics of the organization's seats that pass the filters, over the window's periods: the counts from the
     * seat steps ({@link SeatStepCounts}) when the window's boundaries fall on quarter hours, else seat by seat.
     */
    public SeatMetrics.Result metrics(UUID organizationId, MetricsWindow window, Filters filters) {
        var buckets = MetricBuckets.of(window);
        var seats = Seats.of(organizationId, filters);
        var tally = new SeatTally(buckets.periods());
        String start = MetricBuckets.literal(window.originalStart());
        String end = MetricBuckets.literal(window.originalEnd());
        var steps = SeatStepCounts.of(window, buckets);
        if (steps != null) {
            steps.count(em, seats, tally);
        } else {
            count(seats, buckets, end, tally);
            revocations(seats, buckets, start, end, tally);
        }
        // Invitation claims only: a claim of an invitation keeps its time in invitation_claimed_at.
        String claims = " FROM customer_seats s WHERE " + seats.where() + " AND s.invitation_claimed_at >= " + start
                + " AND s.invitation_claimed_at <= " + end;
        for (Object row : seats.bind(em.createNativeQuery(
                        "SELECT x.k, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY x.d) FROM (SELECT "
                                + buckets.of("s.invitation_claimed_at") + " AS k, " + CLAIM_DELAY + " AS d" + claims
                                + ") x GROUP BY x.k"))
                .getResultList()) {
            Object[] c = (Object[]) row;
            tally.medians[index(c[0])] = SeatTally.seconds(c[1]);
        }
        tally.windowMedian = SeatTally.seconds(seats.bind(em.createNativeQuery(
                        "SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + CLAIM_DELAY + ")" + claims))
                .getSingleResult());
        return SeatMetrics.of(tally, window);
    }

    /** The window's revocations by reason, seat by seat (from {@code ix_seats_organization_revoked}). */
    private void revocations(Seats seats, MetricBuckets buckets, String start, String end, SeatTally tally) {
        for (Object row : seats.bind(em.createNativeQuery("SELECT x.k, x.r, COUNT(*) FROM (SELECT "
                        + buckets.of("s.revoked_at") + " AS k, COALESCE(s.revocation_reason, 'manual') AS r"
                        + " FROM customer_seats s WHERE " + seats.where() + " AND s.revoked_at >= " + start
                        + " AND s.revoked_at <= " + end + ") x GROUP BY x.k, x.r"))
                .getResultList()) {
            Object[] c = (Object[]) row;
            tally.revoked.get(index(c[0])).put((String) c[1], ((Number) c[2]).longValue());
        }
    }

    /**
     * The seats in groups of one container and the same period indexes (created, claimed, revoked) and whether they
     * were created by the request's end; each group joined to its container for the billing customer, which a
     * revoked seat keeps.
     */
    private void count(Seats seats, MetricBuckets buckets, String end, SeatTally tally) {
        String grouped = "SELECT y.sid, y.oid, y.w, y.c, y.k, y.r, COUNT(*) AS n FROM (SELECT s.subscription_id AS sid,"
                + " s.order_id AS oid, CASE WHEN s.created_at <= " + end + " THEN 1 ELSE 0 END AS w, "
                + buckets.of("s.created_at") + " AS c, " + buckets.of("s.claimed_at") + " AS k, "
                + buckets.of("s.revoked_at") + " AS r FROM customer_seats s WHERE " + seats.where()
                + ") y GROUP BY y.sid, y.oid, y.w, y.c, y.k, y.r";
        List<?> rows = seats.bind(em.createNativeQuery("SELECT COALESCE(sub.customer_id, o.customer_id), x.w, x.c,"
                        + " x.k, x.r, x.n FROM (" + grouped + ") x LEFT JOIN subscriptions sub ON sub.id = x.sid"
                        + " LEFT JOIN orders o ON o.id = x.oid"))
                .getResultList();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            tally.seats(
                    String.valueOf(c[0]),
                    index(c[1]) == 1,
                    index(c[2]),
                    index(c[3]),
                    index(c[4]),
                    ((Number) c[5]).longValue());
        }
    }

    private static int index(Object value) {
        return ((Number) value).intValue();
    }

    /**
     * The organization's seats that pass the filters, and their steps: a condition on {@code customer_seats s}, the
     * same filters on a seat step row {@code t} ({@link SeatStepCounts}; its organization is {@code ?1}), and their
     * parameters.
     */
    record Seats(String where, String stepFilters, List<Object> parameters) {
        static Seats of(UUID organizationId, Filters filters) {
            var parameters = new ArrayList<Object>();
            parameters.add(organizationId);
            var where = new StringBuilder("s.organization_id = ?1");
            var steps = new StringBuilder("1 = 1");
            if (filters.billingTypes().size() == 1) {
                boolean recurring = filters.billingTypes().contains("recurring");
                where.append(recurring ? " AND s.subscription_id IS NOT NULL" : " AND s.subscription_id IS NULL");
                steps.append(recurring ? " AND t.recurring = TRUE" : " AND t.recurring = FALSE");
            }
            container(where, steps, parameters, "product_id", filters.productIds());
            container(where, steps, parameters, "customer_id", filters.customerIds());
            return new Seats(where.toString(), steps.toString(), parameters);
        }

        /** Seats (and steps) whose container (subscription or order) has one of {@code ids} in {@code column}. */
        private static void container(
                StringBuilder where, StringBuilder steps, List<Object> parameters, String column, Set<UUID> ids) {
            if (ids.isEmpty()) {
                return;
            }
            var marks = new StringBuilder();
            for (UUID id : ids) {
                parameters.add(id);
                marks.append(marks.isEmpty() ? "" : ", ").append('?').append(parameters.size());
            }
            String subscriptions = "(SELECT sub.id FROM subscriptions sub WHERE sub." + column + " IN (" + marks + "))";
            String orders = "(SELECT o.id FROM orders o WHERE o." + column + " IN (" + marks + "))";
            where.append(" AND (s.subscription_id IN ")
                    .append(subscriptions)
                    .append(" OR s.order_id IN ")
                    .append(orders)
                    .append(')');
            steps.append(" AND (t.container_id IN ")
                    .append(subscriptions)
                    .append(" OR t.container_id IN ")
                    .append(orders)
                    .append(')');
        }

        Query bind(Query query) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query;
        }
    }
}

package dev.seatkeeper.usage;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * {@code GET /v1/metrics/}: Polar's seat metrics over one organization's seats ({@link SeatMetrics}), read in one
 * statement served by the seats' organization index; other organizations' seats are never read, so another
 * organization sees zeros.
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
     * One computation at a time, in the whole server: each reads every seat of its organization into memory (about
     * 300 bytes a seat while the rows are read), and 32 at once over the benchmark's 180,000 seats ran the README's
     * 224 MB heap out of memory, for every other request too. Others wait their turn.
     */
    private static final Semaphore ONE_AT_A_TIME = new Semaphore(1, true);

    /** The metrics of the organization's seats that pass the filters, over the window's periods. */
    public SeatMetrics.Result metrics(UUID organizationId, MetricsWindow window, Filters filters) {
        ONE_AT_A_TIME.acquireUninterruptibly();
        try {
            return SeatMetrics.compute(seats(organizationId, filters), window);
        } finally {
            ONE_AT_A_TIME.release();
        }
    }

    private List<MetricSeat> seats(UUID organizationId, Filters filters) {
        List<?> rows = em.createNativeQuery("SELECT s.created_at, s.claimed_at, s.revoked_at, s.revocation_reason,"
                        + " s.invitation_token_expires_at, COALESCE(sub.customer_id, o.customer_id),"
                        + " COALESCE(sub.product_id, o.product_id), s.subscription_id"
                        + " FROM customer_seats s LEFT JOIN subscriptions sub ON sub.id = s.subscription_id"
                        + " LEFT JOIN orders o ON o.id = s.order_id WHERE s.organization_id = ?1")
                .setParameter(1, organizationId)
                .getResultList();
        var seats = new ArrayList<MetricSeat>(rows.size());
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            String customer = String.valueOf(c[5]);
            if (!filters.productIds().isEmpty()
                    && !filters.productIds().contains(UUID.fromString(String.valueOf(c[6])))) {
                continue;
            }
            if (!filters.customerIds().isEmpty() && !filters.customerIds().contains(UUID.fromString(customer))) {
                continue;
            }
            String billingType = c[7] == null ? "one_time" : "recurring";
            if (!filters.billingTypes().isEmpty() && !filters.billingTypes().contains(billingType)) {
                continue;
            }
            long created = SeatSpan.columnMicros(c[0]);
            long claimed = SeatSpan.columnMicros(c[1]);
            // Only an invitation sets an expiry, and a claim leaves it: a claimed seat without one was claimed at once.
            boolean invited = c[4] != null;
            seats.add(new MetricSeat(created, claimed, SeatSpan.columnMicros(c[2]), (String) c[3], invited, customer));
        }
        return seats;
    }
}

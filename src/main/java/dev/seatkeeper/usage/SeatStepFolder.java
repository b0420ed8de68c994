package dev.seatkeeper.usage;

import dev.seatkeeper.platform.RowLock;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Folds an organization's new seat steps ({@code new_seat_steps}, one row per change, written by
 * {@code seats.SeatSteps}) into its summed counts ({@code seat_steps}: one row per container, quarter hour, kind and
 * reason), so that the seat metrics read a few rows per container however many seats changed
 * ({@link SeatMetricsService}). The metrics read both tables in one statement, so what a fold moves is counted once,
 * before or after it.
 */
@Stateless
public class SeatStepFolder {
    /** New steps folded per transaction. */
    static final int BATCH = 2_000;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    /** Organizations with new steps to fold, at most {@code limit}. */
    public List<UUID> organizationsWithNewSteps(int limit) {
        return em
                .createNativeQuery("SELECT DISTINCT organization_id FROM new_seat_steps")
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(RowLock::toUuid)
                .toList();
    }

    /**
     * Folds every new step of the organization written before this call, {@value #BATCH} per transaction: the
     * scheduler's round may be a minute apart, and a busy organization writes more than a batch in that time.
     *
     * @return how many steps it folded
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long foldAll(UUID organizationId) {
        // Each batch through the container, so that it runs in a transaction of its own.
        SeatStepFolder self = context.getBusinessObject(SeatStepFolder.class);
        long folded = 0;
        int batch;
        do {
            batch = self.fold(organizationId);
            folded += batch;
        } while (batch == BATCH);
        return folded;
    }

    /**
     * Folds up to {@value #BATCH} new steps of the organization in a transaction of its own, under the
     * organization's row lock: two instances fold one after the other, and the second finds the steps the first
     * folded gone, so each is added once.
     *
     * @return how many steps it folded
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int fold(UUID organizationId) {
        if (RowLock.lockById(em, "organizations", organizationId).isEmpty()) {
            return 0;
        }
        List<?> rows = em.createNativeQuery("SELECT id, container_id, recurring, at, kind, reason FROM new_seat_steps"
                        + " WHERE organization_id = ?1")
                .setParameter(1, organizationId)
                .setMaxResults(BATCH)
                .getResultList();
        // One key per container, quarter hour, kind and reason: the row of seat_steps it adds to.
        Map<List<Object>, Long> sums = new LinkedHashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            ids.add(RowLock.toUuid(c[0]));
            sums.merge(List.of(RowLock.toUuid(c[1]), c[2], c[3], c[4], c[5]), 1L, Long::sum);
        }
        sums.forEach((key, n) -> add(organizationId, key, n));
        for (int from = 0; from < ids.size(); from += 500) {
            var delete = em.createNativeQuery(
                    "DELETE FROM new_seat_steps WHERE id IN (" + marks(Math.min(ids.size() - from, 500)) + ")");
            List<UUID> slice = ids.subList(from, Math.min(ids.size(), from + 500));
            for (int i = 0; i < slice.size(); i++) {
                delete.setParameter(i + 1, slice.get(i));
            }
            int deleted = delete.executeUpdate();
            if (deleted != slice.size()) {
                // Unreachable under the lock; were it reached, the counts would be added twice: undo them.
                throw new IllegalStateException("New seat steps of " + organizationId + " were folded elsewhere");
            }
        }
        return ids.size();
    }

    /** Adds {@code n} to the summed row of {@code key} (container, recurring, at, kind, reason), made if missing. */
    private void add(UUID organizationId, List<Object> key, long n) {
        int updated = em.createNativeQuery("UPDATE seat_steps SET n = n + ?1 WHERE organization_id = ?2"
                        + " AND container_id = ?3 AND at = ?4 AND kind = ?5 AND reason = ?6")
                .setParameter(1, n)
                .setParameter(2, organizationId)
                .setParameter(3, key.get(0))
                .setParameter(4, key.get(2))
                .setParameter(5, key.get(3))
                .setParameter(6, key.get(4))
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO seat_steps (organization_id, container_id, recurring, at, kind, reason,"
                            + " n) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, organizationId)
                    .setParameter(2, key.get(0))
                    .setParameter(3, key.get(1))
                    .setParameter(4, key.get(2))
                    .setParameter(5, key.get(3))
                    .setParameter(6, key.get(4))
                    .setParameter(7, n)
                    .executeUpdate();
        }
    }

    private static String marks(int count) {
        var marks = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            marks.append(i == 1 ? "" : ", ").append('?').append(i);
        }
        return marks.toString();
    }
}

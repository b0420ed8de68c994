package dev.seatkeeper.usage;

import dev.seatkeeper.events.EventRecorder;
import dev.seatkeeper.organizations.Organization;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.purchases.AssignedSeats;
import dev.seatkeeper.purchases.Order;
import dev.seatkeeper.purchases.SeatContainer;
import dev.seatkeeper.purchases.SeatCountChanged;
import dev.seatkeeper.seats.CustomerSeat;
import dev.seatkeeper.seats.RevocationReason;
import dev.seatkeeper.seats.SeatPoolChanged;
import dev.seatkeeper.seats.SeatRevoked;
import dev.seatkeeper.seats.SeatStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Capacity events (contract, "Beyond Polar: capacity signals, seat usage and seat metrics"): when a change makes
 * {@code (pending + claimed) / seats} reach one of the organization's {@code seat_capacity_alerts} from below,
 * {@code customer_seat_pool.threshold_reached} is recorded, and at 100 % {@code customer_seat_pool.full} too (whether
 * or not 100 is listed), each once per crossing: a crossing is kept as a row of {@code seat_capacity_crossings} until
 * usage falls 5 points below the threshold, which re-arms it. Runs in the transaction of the change (a synchronous
 * observer), where the container row is locked by assignments and seat-count changes, so concurrent assignments see
 * each other's crossings and each is recorded once.
 */
@ApplicationScoped
public class CapacitySignals {
    static final String THRESHOLD_REACHED = "customer_seat_pool.threshold_reached";
    static final String FULL = "customer_seat_pool.full";
    /** Usage must fall this many percentage points below a threshold before it can be reached again. */
    static final int REARM_POINTS = 5;

    @PersistenceContext
    EntityManager em;

    @Inject
    AssignedSeats assignedSeats;

    @EJB
    EventRecorder events;

    /** A seat was taken: records the thresholds reached, re-arms those usage has fallen below. */
    void seatTaken(@Observes SeatPoolChanged change) {
        evaluate(change.container(), true);
    }

    /** The seat count changed: a decrease may reach a threshold, an increase may re-arm one. */
    void seatCountChanged(@Observes SeatCountChanged change) {
        evaluate(change.container(), true);
    }

    /**
     * A seat was freed: only re-arms. A transfer frees and takes a seat in one step, usage never changes, so it
     * neither re-arms nor (through its {@link SeatPoolChanged}) records a crossing twice.
     */
    void seatRevoked(@Observes SeatRevoked revoked) {
        CustomerSeat seat = em.find(CustomerSeat.class, revoked.seatId());
        if (seat == null
                || seat.status() != SeatStatus.REVOKED
                || seat.revocationReason() == RevocationReason.TRANSFER) {
            return;
        }
        evaluate(seat.container(), false);
    }

    private void evaluate(SeatContainer container, boolean mayRecord) {
        Set<String> reached = reached(container.id());
        if (!mayRecord && reached.isEmpty()) {
            return;
        }
        int seats = container.seats();
        if (seats <= 0) {
            return;
        }
        long taken = assignedSeats.countTaken(container);
        for (Alert alert : alerts(container)) {
            String key = alert.key();
            boolean isReached = taken * 100 >= (long) alert.threshold() * seats;
            boolean rearmed = taken * 100 <= (long) (alert.threshold() - REARM_POINTS) * seats;
            if (reached.contains(key) && rearmed) {
                em.createNativeQuery("DELETE FROM seat_capacity_crossings WHERE container_id = ?1 AND event_type = ?2"
                                + " AND threshold = ?3")
                        .setParameter(1, container.id())
                        .setParameter(2, alert.eventType())
                        .setParameter(3, alert.threshold())
                        .executeUpdate();
            } else if (mayRecord && isReached && !reached.contains(key)) {
                record(container, alert, taken);
            }
        }
    }

    private void record(SeatContainer container, Alert alert, long taken) {
        em.createNativeQuery("INSERT INTO seat_capacity_crossings (container_id, event_type, threshold, reached_at)"
                        + " VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, container.id())
                .setParameter(2, alert.eventType())
                .setParameter(3, alert.threshold())
                .setParameter(4, Timestamps.now().toLocalDateTime())
                .executeUpdate();
        long claimed = claimed(container);
        events.record(
                container.organizationId(),
                alert.eventType(),
                PoolUsage.of(container, alert.threshold(), taken, claimed));
    }

    /** The organization's thresholds in ascending order, then full (threshold 100), in the order events are recorded. */
    private List<Alert> alerts(SeatContainer container) {
        Organization organization = em.find(Organization.class, container.organizationId());
        var alerts = new ArrayList<Alert>();
        organization.seatCapacityAlerts().forEach(t -> alerts.add(new Alert(THRESHOLD_REACHED, t)));
        alerts.add(new Alert(FULL, 100));
        return alerts;
    }

    private Set<String> reached(UUID containerId) {
        List<?> rows = em.createNativeQuery(
                        "SELECT event_type, threshold FROM seat_capacity_crossings WHERE container_id = ?1")
                .setParameter(1, containerId)
                .getResultList();
        var keys = new HashSet<String>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            keys.add(columns[0] + "@" + ((Number) columns[1]).intValue());
        }
        return keys;
    }

    private long claimed(SeatContainer container) {
        String path = container instanceof Order ? "oneTimeOrder" : "subscription";
        return em.createQuery(
                        "select count(s) from CustomerSeat s where s." + path + ".id = :id and s.status = :claimed",
                        Long.class)
                .setParameter("id", container.id())
                .setParameter("claimed", SeatStatus.CLAIMED)
                .getSingleResult();
    }

    private record Alert(String eventType, int threshold) {
        String key() {
            return eventType + "@" + threshold;
        }
    }
}

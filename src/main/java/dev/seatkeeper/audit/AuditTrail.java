package dev.seatkeeper.audit;

import dev.seatkeeper.platform.Randomness;
import dev.seatkeeper.platform.RequestIds;
import dev.seatkeeper.platform.Scheduler;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a seat's history entries (contract, "Beyond Polar: audit trail"), each in the transaction of the change it
 * records: a plain CDI bean that runs in the caller's transaction, so the entry commits or rolls back with the change.
 * The entry is written unlinked; {@link AuditChain} gives it its {@code seq} and {@code hash} later, which keeps the
 * write of every change free of any lock shared by the organization's writers.
 */
@ApplicationScoped
public class AuditTrail {
    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    /**
     * Records a change made by whoever is acting on this thread: the system, with {@code systemJob} as the job's
     * name, when a scheduled action is applying it ({@link Scheduler#isApplying}); otherwise the authenticated caller
     * of the request.
     *
     * @param systemJob the contract's job name for the system actor ({@code period_end}, {@code scheduled},
     *     {@code expired}, {@code inactivity}, {@code unclaimed}), used only when the scheduler applies the change
     * @throws IllegalStateException on a request without an authenticated caller (use {@link #record(SeatChange,
     *     Actor)} there)
     */
    public void record(SeatChange change, String systemJob) {
        record(change, Scheduler.isApplying() ? Actor.system(systemJob) : Actor.of(caller.principal()));
    }

    /** Records a change made by {@code actor} (a claim's invitation), with the current request id. */
    public void record(SeatChange change, Actor actor) {
        // A plain INSERT, run now: the identity column "written" then follows the order of the calls, which is the
        // order the chain links the entries of one transaction in (JPA may reorder the inserts of new entities).
        List<Object> values = new ArrayList<>(List.of(
                Randomness.newId(),
                change.organizationId(),
                change.seatId(),
                Timestamps.now().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(),
                change.action().wireName(),
                actor.type()));
        var sql = new StringBuilder("INSERT INTO seat_history (id, organization_id, seat_id, at, action, actor_type,"
                + " actor_id, actor_subject, reason, from_status, to_status, request_id) VALUES (?1, ?2, ?3, ?4, ?5,"
                + " ?6");
        // A null is written as NULL, not bound: a bound null's type differs between the JPA providers and databases.
        for (Object value : new Object[] {
            actor.id(),
            actor.subject() == null ? null : actor.subject().toString(),
            change.reason(),
            change.fromStatus(),
            change.toStatus(),
            RequestIds.current().orElse(null)
        }) {
            if (value == null) {
                sql.append(", NULL");
            } else {
                values.add(value);
                sql.append(", ?").append(values.size());
            }
        }
        var insert = em.createNativeQuery(sql.append(')').toString());
        for (int i = 0; i < values.size(); i++) {
            insert.setParameter(i + 1, values.get(i));
        }
        insert.executeUpdate();
    }
}

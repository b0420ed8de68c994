package dev.seatkeeper.audit;

import dev.seatkeeper.platform.Randomness;
import dev.seatkeeper.platform.RequestIds;
import dev.seatkeeper.platform.Scheduler;
import dev.seatkeeper.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes a seat's history entries (contract, "Beyond Polar: audit trail"), each in the transaction of the change it
 * records: a plain CDI bean that runs in the caller's transaction, so the entry commits or rolls back with the change.
 * The entry is written unlinked; {@link AuditChain} gives it its {@code seq} and {@code hash} later, which keeps the
 * write of every change free of any lock shared by the organization's writers. Its {@code at} comes from
 * {@link WriteClock}, strictly increasing in this server, so the entries of one transaction keep the order they were
 * recorded in, whatever order the JPA provider inserts them in.
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
        // Persisted, and inserted with the change's own writes at commit: a statement of its own run at once (a
        // native INSERT) made each change flush early and cost a claim about a sixth of its throughput.
        em.persist(new AuditEntry(
                Randomness.newId(),
                change,
                actor,
                WriteClock.next(),
                RequestIds.current().orElse(null)));
    }
}

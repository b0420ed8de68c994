package dev.seatkeeper.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one scheduler of every timed action (contract, "Beyond Polar, general rules for what follows"): every
 * {@code SEATKEEPER_SCHEDULER_INTERVAL} it asks each {@link ScheduledWork} bean what is due and applies it, one action
 * per transaction, on the server's managed scheduler (as the webhook worker and the clean-up jobs run). It holds no
 * state of its own: what is due is in the database, so a restart catches up with everything that fell due while the
 * service was down (the first round runs at once), and several instances on one database may all run it.
 *
 * <p>A round repeats each kind until nothing of it is due: an action that leaves its row due again (a subscription
 * whose period ended several times while the service was stopped rolls once per apply) is taken up again in the same
 * round, in order. An action that fails is not retried within the round, so one failure cannot stall the others.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
// Only the scheduler's own thread runs a round: no container lock needed.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Scheduler {
    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());
    /** Set while this thread applies a scheduled action ({@link #isApplying}). */
    private static final ThreadLocal<Boolean> APPLYING = new ThreadLocal<>();
    /** How many due keys one query fetches. */
    static final int BATCH = 100;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Settings settings;

    @Inject
    @Any
    Instance<ScheduledWork> work;

    private ScheduledFuture<?> rounds;

    @PostConstruct
    void start() {
        long millis = Math.max(10, settings.schedulerInterval().toMillis());
        rounds = executor.scheduleWithFixedDelay(this::round, 0, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        rounds.cancel(false);
    }

    /**
     * Whether the current thread is applying a scheduled action: the changes it makes are the system's (contract,
     * "Beyond Polar: audit trail", actor {@code system}), not those of a caller.
     */
    public static boolean isApplying() {
        return APPLYING.get() != null;
    }

    /** Applies one action marked as the system's, under a request id of its own ({@link RequestIds}). */
    private static boolean applyAsSystem(ScheduledWork kind, UUID key, OffsetDateTime now) {
        APPLYING.set(Boolean.TRUE);
        try {
            return RequestIds.runAs(RequestIds.made(), () -> kind.apply(key, now));
        } finally {
            APPLYING.remove();
        }
    }

    private void round() {
        for (ScheduledWork kind : work) {
            try {
                runDue(kind);
            } catch (RuntimeException e) {
                // Reading what is due failed (the database is away): the next round tries again.
                LOG.log(Level.WARNING, "Looking for due " + kind.name() + " failed", e);
            }
        }
    }

    /** Applies every due action of one kind, each in its own transaction, until none is left but those passed over. */
    private void runDue(ScheduledWork kind) {
        // Keys that failed, or that another instance had done: not taken up again in this round.
        Set<UUID> passedOver = new HashSet<>();
        while (true) {
            OffsetDateTime now = Timestamps.now();
            List<UUID> due = kind.due(now, BATCH + passedOver.size()).stream()
                    .filter(key -> !passedOver.contains(key))
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            for (UUID key : due) {
                try {
                    if (!applyAsSystem(kind, key, now)) {
                        passedOver.add(key);
                    }
                } catch (RuntimeException e) {
                    passedOver.add(key);
                    LOG.log(
                            Level.WARNING,
                            "Applying due " + kind.name() + " " + key + " failed; next round retries",
                            e);
                }
            }
        }
    }
}

package dev.seatkeeper.idempotency;

import dev.seatkeeper.platform.Settings;
import dev.seatkeeper.platform.Timestamps;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes idempotency records past their 24 hours every {@link Settings#cleanupInterval()} (contract, "Security
 * boundaries": idempotency records are deleted by a periodic job). Each instance runs it; the delete is idempotent.
 * Starts after {@code SchemaMigrations}, whose migration creates the table.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class ExpiredIdempotencyCleanup {
    private static final Logger LOG = Logger.getLogger(ExpiredIdempotencyCleanup.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    IdempotencyStore store;

    @Inject
    Settings settings;

    private ScheduledFuture<?> run;

    @PostConstruct
    void schedule() {
        long millis = settings.cleanupInterval().toMillis();
        run = scheduler.scheduleWithFixedDelay(this::cleanUp, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        run.cancel(false);
    }

    private void cleanUp() {
        try {
            int deleted = store.deleteExpired(Timestamps.now());
            if (deleted > 0) {
                LOG.fine(() -> "Deleted " + deleted + " expired idempotency record(s)");
            }
        } catch (RuntimeException e) {
            // The next run tries again; a failure here must not end the schedule.
            LOG.log(Level.WARNING, "Deleting expired idempotency records failed", e);
        }
    }
}

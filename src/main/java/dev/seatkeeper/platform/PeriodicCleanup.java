package dev.seatkeeper.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A job that deletes expired rows every {@link Settings#cleanupInterval()} (contract, "Security boundaries": growth is
 * bounded), on the server's managed scheduler, so nothing but the application is needed; with several instances each
 * one runs it, and the deletes are idempotent. A subclass is a {@code @Startup @Singleton} that
 * {@code @DependsOn("SchemaMigrations")} (a short {@code SEATKEEPER_CLEANUP_INTERVAL} could otherwise reach its table
 * before the migration has created it) and says what it deletes.
 */
public abstract class PeriodicCleanup {
    private static final Logger LOG = Logger.getLogger(PeriodicCleanup.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Settings settings;

    private ScheduledFuture<?> run;

    /** The rows this job deletes, plural, for the log ("expired sessions"). */
    protected abstract String what();

    /** Deletes the rows expired at {@code now} (UTC); returns how many. */
    protected abstract int deleteExpired(OffsetDateTime now);

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
            int deleted = deleteExpired(Timestamps.now());
            if (deleted > 0) {
                LOG.fine(() -> "Deleted " + deleted + " " + what());
            }
        } catch (RuntimeException e) {
            // The next run tries again; a failure here must not end the schedule.
            LOG.log(Level.WARNING, "Deleting " + what() + " failed", e);
        }
    }
}

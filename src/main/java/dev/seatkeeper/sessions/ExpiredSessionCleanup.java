package dev.seatkeeper.sessions;

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
 * Deletes expired sessions every {@link Settings#cleanupInterval()} (contract, "Security boundaries": growth is
 * bounded). Runs on the server's managed scheduler, so nothing but the application is needed; with several instances
 * each one runs it, and the deletes are idempotent.
 *
 * <p>Starts after {@code SchemaMigrations} (platform's rule for start-up beans that may touch the database): with a
 * short {@code SEATKEEPER_CLEANUP_INTERVAL} the first run could otherwise reach the sessions table before its
 * migration has created it.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class ExpiredSessionCleanup {
    private static final Logger LOG = Logger.getLogger(ExpiredSessionCleanup.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SessionService sessions;

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
            int deleted = sessions.deleteExpired(Timestamps.now());
            if (deleted > 0) {
                LOG.fine(() -> "Deleted " + deleted + " expired session(s)");
            }
        } catch (RuntimeException e) {
            // The next run tries again; a failure here must not end the schedule.
            LOG.log(Level.WARNING, "Deleting expired sessions failed", e);
        }
    }
}

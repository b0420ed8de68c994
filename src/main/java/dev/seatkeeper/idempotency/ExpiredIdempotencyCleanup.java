package dev.seatkeeper.idempotency;

import dev.seatkeeper.platform.PeriodicCleanup;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.time.OffsetDateTime;

/**
 * Deletes idempotency records past their 24 hours on {@link PeriodicCleanup}'s schedule (contract, "Security
 * boundaries": idempotency records are deleted by a periodic job).
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class ExpiredIdempotencyCleanup extends PeriodicCleanup {
    @EJB
    IdempotencyStore store;

    @Override
    protected String what() {
        return "expired idempotency records";
    }

    @Override
    protected int deleteExpired(OffsetDateTime now) {
        return store.deleteExpired(now);
    }
}

package dev.seatkeeper.sessions;

import dev.seatkeeper.platform.PeriodicCleanup;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.time.OffsetDateTime;

/**
 * Deletes expired customer and member sessions on {@link PeriodicCleanup}'s schedule (contract, "Security
 * boundaries": growth is bounded).
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class ExpiredSessionCleanup extends PeriodicCleanup {
    @EJB
    SessionService sessions;

    @Override
    protected String what() {
        return "expired sessions";
    }

    @Override
    protected int deleteExpired(OffsetDateTime now) {
        return sessions.deleteExpired(now);
    }
}

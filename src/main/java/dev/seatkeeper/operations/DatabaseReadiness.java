package dev.seatkeeper.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the database answers a query (contract, "Operations": ready means the database is reachable). Each
 * concern of readiness is its own {@code @Readiness} check, so the server reports DOWN when any one is DOWN and
 * another concern (migrations applied, a worker running) is added as one more class.
 *
 * <p>The check asks every time, with no memory of the last answer: it goes DOWN as soon as a query fails and UP as
 * soon as one succeeds again, without a restart. That a dead pooled connection is not handed out again is the
 * pool's validation (server-config). The answer carries the status only: no URL, no driver, no exception text.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

    @Inject
    Database database;

    /** Whether the last answer was UP, so that only a change is logged, not every probe. */
    private final AtomicBoolean wasUp = new AtomicBoolean(true);

    /**
     * @return {@code database} UP when {@code SELECT 1} succeeds within {@link Database#QUERY_TIMEOUT_SECONDS},
     *         DOWN otherwise; never throws
     */
    @Override
    public HealthCheckResponse call() {
        boolean up;
        String failure = null;
        try (Connection connection = database.connect();
                PreparedStatement ping = connection.prepareStatement("SELECT 1")) {
            ping.setQueryTimeout(Database.QUERY_TIMEOUT_SECONDS);
            ping.executeQuery().close();
            up = true;
        } catch (SQLException | RuntimeException e) {
            up = false;
            failure = e.toString();
        }
        if (wasUp.getAndSet(up) != up) {
            // The cause goes to the server log only: the health answer is public.
            if (up) {
                LOG.info("The database is reachable again: ready");
            } else {
                LOG.warning("The database is not reachable: not ready (" + failure + ")");
            }
        }
        return HealthCheckResponse.named("database").status(up).build();
    }
}

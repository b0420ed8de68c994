package dev.seatkeeper.operations;

import dev.seatkeeper.platform.SchemaMigrations;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the database's schema is the one this release's code is written for (contract, "Operations": ready
 * means migrations applied). The latest successful migration recorded in the database must be the version this
 * instance migrated to at start-up: a database restored from an older backup, or migrated further by a newer release
 * sharing it, makes this instance not ready until it runs on a matching schema.
 */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {
    @Inject
    Database database;

    @EJB
    SchemaMigrations migrations;

    /** @return {@code schema} UP when the versions match, DOWN otherwise or when the database cannot tell; never throws */
    @Override
    public HealthCheckResponse call() {
        Optional<String> expected = migrations.version();
        boolean up = expected.isPresent() && expected.equals(recordedVersion());
        return HealthCheckResponse.named("schema").status(up).build();
    }

    /** The version of the latest successful migration in Flyway's history table; empty when it cannot be read. */
    private Optional<String> recordedVersion() {
        // Flyway creates its history table and columns in lower case, quoted, on H2 and PostgreSQL alike.
        try (Connection connection = database.connect();
                PreparedStatement query =
                        connection.prepareStatement("SELECT \"version\" FROM \"flyway_schema_history\""
                                + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
            query.setQueryTimeout(Database.QUERY_TIMEOUT_SECONDS);
            query.setMaxRows(1);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

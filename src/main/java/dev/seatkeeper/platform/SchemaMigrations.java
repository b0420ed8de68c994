package dev.seatkeeper.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import java.util.logging.Logger;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the database schema once, when the application starts, before any request is served (contract,
 * "Operations"). If a migration fails the exception ends the deployment: the service never runs on a schema it was
 * not written for. Another bean that touches the database while the application starts must name this one in
 * {@code @DependsOn("SchemaMigrations")}.
 */
@Startup
@Singleton
// Flyway commits each migration itself; a container transaction around it would hold them all open.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrations {
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    /** The schema version this release migrated the database to, once {@link #migrate()} has run. */
    private volatile String version;

    @PostConstruct
    void migrate() {
        MigrateResult result = SchemaMigrator.migrate(ServiceDataSource.lookup());
        // Flyway reports no target version when nothing ran: the schema is then at its initial version.
        String before = result.initialSchemaVersion == null ? "empty" : "version " + result.initialSchemaVersion;
        String after = result.targetSchemaVersion == null ? before : "version " + result.targetSchemaVersion;
        version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at " + after + " (was " + before + "; " + result.migrationsExecuted
                + " migration(s) applied)");
    }

    /**
     * Returns the schema version (Flyway's, e.g. {@code "1"}) this release migrated the database to at start-up, the
     * one its code is written for; empty before the migration ran.
     */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }
}

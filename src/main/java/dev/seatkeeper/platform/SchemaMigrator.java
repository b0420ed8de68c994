package dev.seatkeeper.platform;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the newest schema version with Flyway, from the SQL migrations of its vendor in
 * {@code db/migration/h2} or {@code db/migration/postgresql} (contract, "Operations": versioned migrations on H2 and
 * PostgreSQL, an earlier release's database migrated in place with its data).
 *
 * <p>A database that a release before migrations created by JPA schema generation has the whole version-1 schema but
 * no Flyway history: it is baselined at version 1 and only later migrations run on it. Any other schema that is not
 * empty and has no history is refused by Flyway rather than guessed at.
 */
public final class SchemaMigrator {
    /** The version the first migration creates, and the one an earlier release's database already has. */
    static final String BASELINE_VERSION = "1";
    /** A table every release before migrations created; its presence identifies such a database. */
    private static final String EARLIER_RELEASE_TABLE = "customer_seats";

    private SchemaMigrator() {}

    /**
     * Applies every pending migration, under Flyway's lock on the database (an advisory lock on PostgreSQL), so
     * instances that start together migrate once and the others wait and then find nothing to do.
     *
     * @param dataSource the application's database; a connection is borrowed to inspect it and returned
     * @return what Flyway did: the version before and after, and how many migrations ran
     * @throws IllegalStateException if the database is neither H2 nor PostgreSQL, or cannot be inspected
     * @throws org.flywaydb.core.api.FlywayException if a migration fails (rolled back on PostgreSQL; H2 commits each
     *         DDL statement, so a half-applied migration stays there and is marked failed in the history), if the
     *         migrations in the application disagree with the history in the database, or if the migration
     *         folder cannot be found on the class path
     */
    public static MigrateResult migrate(DataSource dataSource) {
        return migrate(dataSource, MigrationVersion.LATEST);
    }

    /** As {@link #migrate(DataSource)}, up to {@code target} only: for tests that look at one version's schema. */
    static MigrateResult migrate(DataSource dataSource, MigrationVersion target) {
        String vendor;
        boolean earlierRelease;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            vendor = vendor(meta.getDatabaseProductName());
            earlierRelease = hasTable(connection, EARLIER_RELEASE_TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot inspect the database before migrating it", e);
        }
        return Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor)
                // Without this a folder the server cannot scan (WildFly's VFS) would look like "no migrations".
                .failOnMissingLocations(true)
                // Only baselines when the history table is missing; a schema with history is migrated as usual.
                .baselineOnMigrate(earlierRelease)
                .baselineVersion(BASELINE_VERSION)
                .baselineDescription("schema of an earlier release (JPA schema generation)")
                // Nothing in the application ever drops the schema.
                .cleanDisabled(true)
                .target(target)
                .load()
                .migrate();
    }

    /**
     * The migration folder of a database product, as {@link DatabaseMetaData#getDatabaseProductName()} names it.
     *
     * @throws IllegalStateException for a product Seatkeeper has no migrations for
     */
    static String vendor(String productName) {
        return switch (productName) {
            case "H2" -> "h2";
            case "PostgreSQL" -> "postgresql";
            default ->
                throw new IllegalStateException("Unsupported database " + productName
                        + ": Seatkeeper's schema migrations are written for H2 and PostgreSQL");
        };
    }

    /** Whether the connection's current schema has the table, in the case the database folds unquoted names to. */
    private static boolean hasTable(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        try (var tables =
                meta.getTables(connection.getCatalog(), connection.getSchema(), name, new String[] {"TABLE"})) {
            return tables.next();
        }
    }
}

package dev.seatkeeper.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The migrations on H2 against the previous release's real database (src/test/resources/upgrade/previous-release.sql,
 * see src/test/upgrade/make-fixture.sh): an empty database gets every version, that release's database is adopted as
 * version 1 and migrated on, and version 1 is the very schema that release's JPA schema generation created.
 */
class SchemaMigratorTest {
    private static final Path PREVIOUS_RELEASE = Path.of("src/test/resources/upgrade/previous-release.sql");
    private static final List<String> ALL_MIGRATIONS = List.of(
            "1 SQL initial schema",
            "2 SQL webhooks",
            "3 SQL seat lifecycle",
            "4 SQL webhook versions and signatures",
            "5 SQL seat schedule",
            "6 SQL seat entitlements",
            "7 SQL seat activity and reclaim",
            "8 SQL seat capacity and usage",
            "9 SQL seat history",
            "10 SQL seat metrics indexes",
            "11 SQL seat steps",
            "12 SQL seat activity",
            "13 SQL seat activity owner and revocation",
            "14 SQL seat id state index dropped",
            "15 SQL seat activity warning");

    private static JdbcDataSource freshDatabase() {
        var ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        ds.setPassword("sa");
        return ds;
    }

    private static JdbcDataSource previousReleaseDatabase() throws SQLException {
        var ds = freshDatabase();
        update(ds, "RUNSCRIPT FROM '" + PREVIOUS_RELEASE.toAbsolutePath() + "'");
        return ds;
    }

    @Test
    void anEmptyDatabaseGetsEveryMigration() throws SQLException {
        var ds = freshDatabase();
        var result = SchemaMigrator.migrate(ds);
        assertEquals(15, result.migrationsExecuted);
        assertEquals("15", result.targetSchemaVersion);
        assertEquals(ALL_MIGRATIONS, history(ds));
        assertEquals(0, count(ds, "SELECT COUNT(*) FROM customer_seats"));
    }

    @Test
    void thePreviousReleasesDatabaseIsBaselinedWithItsData() throws SQLException {
        var ds = previousReleaseDatabase();
        long seats = count(ds, "SELECT COUNT(*) FROM customer_seats");
        var result = SchemaMigrator.migrate(ds);
        assertEquals(14, result.migrationsExecuted, "baselined at 1, then migrated to 15");
        assertEquals(
                List.of(
                        "1 BASELINE schema of an earlier release (JPA schema generation)",
                        "2 SQL webhooks",
                        "3 SQL seat lifecycle",
                        "4 SQL webhook versions and signatures",
                        "5 SQL seat schedule",
                        "6 SQL seat entitlements",
                        "7 SQL seat activity and reclaim",
                        "8 SQL seat capacity and usage",
                        "9 SQL seat history",
                        "10 SQL seat metrics indexes",
                        "11 SQL seat steps",
                        "12 SQL seat activity",
                        "13 SQL seat activity owner and revocation",
                        "14 SQL seat id state index dropped",
                        "15 SQL seat activity warning"),
                history(ds));
        assertEquals(4, seats);
        assertEquals(seats, count(ds, "SELECT COUNT(*) FROM customer_seats"));
        // V11 counts the seats that were there as steps, each at its own quarter hour.
        assertEquals(seats, count(ds, "SELECT SUM(n) FROM seat_steps WHERE kind = 'created'"));
        assertEquals(
                count(ds, "SELECT COUNT(*) FROM customer_seats WHERE claimed_at IS NOT NULL"),
                count(ds, "SELECT SUM(n) FROM seat_steps WHERE kind = 'claimed'"));
        assertEquals(
                0,
                count(
                        ds,
                        "SELECT COUNT(*) FROM seat_steps WHERE MOD(EXTRACT(MINUTE FROM at), 15) <> 0"
                                + " OR EXTRACT(SECOND FROM at) <> 0"));
    }

    @Test
    void aSecondStartFindsNothingToDo() throws SQLException {
        var ds = freshDatabase();
        SchemaMigrator.migrate(ds);
        var again = SchemaMigrator.migrate(ds);
        assertEquals(0, again.migrationsExecuted);
        assertEquals(ALL_MIGRATIONS, history(ds));
    }

    @Test
    void anEndpointOfTheReleaseBeforeVersionFourKeepsItsSecretAndTheLegacySignature() throws Exception {
        var ds = previousReleaseDatabase();
        SchemaMigrator.migrate(ds, MigrationVersion.fromVersion("3"));
        update(ds, Files.readString(Path.of("src/test/resources/upgrade/webhook-endpoint.sql")));
        String sealed = string(ds, "SELECT secret_sealed FROM webhook_endpoints");
        SchemaMigrator.migrate(ds);
        assertEquals(
                "2026-04 FALSE " + sealed,
                string(
                        ds,
                        "SELECT api_version || ' ' || uses_standard_webhook_signature || ' ' || secret_sealed"
                                + " FROM webhook_endpoints"));
    }

    @Test
    void versionTwelveMovesEachReportedTimeToTheSeatsActivityRow() throws SQLException {
        var ds = previousReleaseDatabase();
        SchemaMigrator.migrate(ds, MigrationVersion.fromVersion("11"));
        update(
                ds,
                "UPDATE customer_seats SET last_active_at = TIMESTAMP '2026-03-04 05:06:07.123456'"
                        + " WHERE id = (SELECT MIN(id) FROM customer_seats)");
        String reported = string(ds, "SELECT MIN(id) FROM customer_seats");
        SchemaMigrator.migrate(ds);
        assertEquals(
                reported + " 2026-03-04 05:06:07.123456",
                string(ds, "SELECT seat_id || ' ' || CAST(last_active_at AS VARCHAR) FROM seat_activity"),
                "only the seat with a time has a row, with its time");
        assertEquals(
                0,
                count(
                        ds,
                        "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'CUSTOMER_SEATS'"
                                + " AND column_name = 'LAST_ACTIVE_AT'"));
    }

    @Test
    void versionThirteenGivesEachActivityRowItsSeatsOrganizationAndRevocation() throws SQLException {
        var ds = previousReleaseDatabase();
        SchemaMigrator.migrate(ds, MigrationVersion.fromVersion("12"));
        String held = string(ds, "SELECT MIN(id) FROM customer_seats");
        String revoked = string(ds, "SELECT MAX(id) FROM customer_seats");
        update(ds, "UPDATE customer_seats SET status = 'REVOKED' WHERE id = '" + revoked + "'");
        update(
                ds,
                "INSERT INTO seat_activity (seat_id, last_active_at) SELECT id, TIMESTAMP '2026-03-04 05:06:07'"
                        + " FROM customer_seats WHERE id IN ('" + held + "', '" + revoked + "')");
        SchemaMigrator.migrate(ds);
        for (String seat : List.of(held, revoked)) {
            assertEquals(
                    string(
                            ds,
                            "SELECT organization_id || ' ' || (status = 'REVOKED') FROM customer_seats WHERE id = '"
                                    + seat + "'"),
                    string(
                            ds,
                            "SELECT organization_id || ' ' || revoked FROM seat_activity WHERE seat_id = '" + seat
                                    + "'"),
                    "the row of " + seat + " has its seat's organization and revocation");
        }
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM seat_activity WHERE revoked"));
    }

    @Test
    void versionFifteenMarksTheActivityRowsOfWarnedSeats() throws SQLException {
        var ds = previousReleaseDatabase();
        SchemaMigrator.migrate(ds, MigrationVersion.fromVersion("14"));
        String warned = string(ds, "SELECT MIN(id) FROM customer_seats");
        String quiet = string(ds, "SELECT MAX(id) FROM customer_seats");
        update(
                ds,
                "UPDATE customer_seats SET reclaim_at = TIMESTAMP '2026-03-04 05:06:07' WHERE id = '" + warned + "'");
        update(
                ds,
                "INSERT INTO seat_activity (seat_id, organization_id, last_active_at) SELECT id, organization_id,"
                        + " TIMESTAMP '2026-03-01 05:06:07' FROM customer_seats WHERE id IN ('" + warned + "', '"
                        + quiet + "')");
        SchemaMigrator.migrate(ds);
        assertEquals(warned, string(ds, "SELECT seat_id FROM seat_activity WHERE warned"));
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM seat_activity WHERE NOT warned"));
    }

    @Test
    void versionOneIsThePreviousReleasesSchema() throws SQLException {
        var migrated = freshDatabase();
        SchemaMigrator.migrate(migrated, MigrationVersion.fromVersion("1"));
        List<String> expected = schema(previousReleaseDatabase());
        assertTrue(expected.size() > 50, "the previous release's schema was read: " + expected);
        assertEquals(expected, schema(migrated));
    }

    @Test
    void aSchemaOfSomethingElseIsNotAdopted() throws SQLException {
        var ds = freshDatabase();
        update(ds, "CREATE TABLE unrelated(id INT PRIMARY KEY)");
        assertThrows(FlywayException.class, () -> SchemaMigrator.migrate(ds));
    }

    @Test
    void onlyH2AndPostgresqlHaveMigrations() {
        assertEquals("h2", SchemaMigrator.vendor("H2"));
        assertEquals("postgresql", SchemaMigrator.vendor("PostgreSQL"));
        assertThrows(IllegalStateException.class, () -> SchemaMigrator.vendor("MySQL"));
    }

    /**
     * H2's own DDL for the schema (SCRIPT NODATA), one statement a line, sorted, without Flyway's table and with the
     * names H2 makes up for unnamed primary keys replaced: what two databases must share to be the same schema.
     */
    private static List<String> schema(JdbcDataSource ds) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Connection c = ds.getConnection();
                var rs = c.createStatement().executeQuery("SCRIPT NODATA")) {
            while (rs.next()) {
                String sql = rs.getString(1).strip();
                if (sql.startsWith("--") || sql.startsWith("CREATE USER") || sql.contains("flyway_schema_history")) {
                    continue;
                }
                statements.add(sql.replaceAll("\"CONSTRAINT_[0-9A-F]+\"", "\"CONSTRAINT_n\""));
            }
        }
        statements.sort(null);
        return statements;
    }

    private static List<String> history(JdbcDataSource ds) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection();
                var rs = c.createStatement()
                        .executeQuery("SELECT \"version\", \"type\", \"description\" FROM \"flyway_schema_history\""
                                + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return rows;
    }

    private static String string(JdbcDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(JdbcDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void update(JdbcDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute(sql);
        }
    }
}

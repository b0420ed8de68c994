package dev.seatkeeper.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The service's data source, for the work that runs outside JPA: migrations and database settings at start-up,
 * readiness checks and metrics.
 */
public final class ServiceDataSource {
    /**
     * The data source of persistence.xml ({@code jdbc/seatkeeper}) under the names the servers bind it: Payara as
     * written, WildFly under {@code java:/} (server-config/wildfly/configure-datasource.cli), as its JPA subsystem
     * reads the persistence unit's name. A {@code @Resource(lookup = "jdbc/seatkeeper")} is not portable: WildFly
     * reads that name in the component's own environment, where nothing is bound.
     */
    private static final List<String> NAMES = List.of("jdbc/seatkeeper", "java:/jdbc/seatkeeper");

    private static volatile Boolean postgresql;

    private ServiceDataSource() {}

    /**
     * Whether the service's database is PostgreSQL (else H2), for the few statements the two write differently. Asked
     * of the data source once (a connection of the pool, closed at once), then known.
     *
     * @throws IllegalStateException if no data source is bound or the database cannot be reached
     */
    public static boolean isPostgresql() {
        Boolean known = postgresql;
        if (known == null) {
            try (Connection connection = lookup().getConnection()) {
                known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new IllegalStateException("The database could not be reached", e);
            }
            postgresql = known;
        }
        return known;
    }

    /** Returns the data source bound under the first of {@link #NAMES} found; raises IllegalStateException if none. */
    public static DataSource lookup() {
        NamingException notFound = null;
        for (String name : NAMES) {
            try {
                return (DataSource) new InitialContext().lookup(name);
            } catch (NamingException e) {
                notFound = e;
            }
        }
        throw new IllegalStateException("No data source bound as any of " + NAMES, notFound);
    }
}

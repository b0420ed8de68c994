package dev.seatkeeper.platform;

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

    private ServiceDataSource() {}

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

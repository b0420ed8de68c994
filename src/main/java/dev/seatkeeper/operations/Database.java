package dev.seatkeeper.operations;

import dev.seatkeeper.platform.ServiceDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The service's data source, for the few reads operators need outside the JPA model (is the database there, how
 * many seats per status). Every statement made through it gets {@link #QUERY_TIMEOUT_SECONDS}, so that a
 * database that hangs turns a probe into a quick "no" instead of a probe that never answers.
 */
@ApplicationScoped
public class Database {
    /** Seconds a statement of this package may run; well under the usual 5-10 s of a probe's own timeout. */
    public static final int QUERY_TIMEOUT_SECONDS = 2;

    private volatile DataSource dataSource;

    /**
     * A connection from the server's pool (the pool validates it before handing it out, see server-config).
     *
     * @return an open connection, to be closed by the caller
     * @throws SQLException when the database cannot be reached or no data source is bound
     */
    public Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    private DataSource dataSource() throws SQLException {
        DataSource found = dataSource;
        if (found == null) {
            found = lookUp();
            dataSource = found;
        }
        return found;
    }

    private static DataSource lookUp() throws SQLException {
        try {
            return ServiceDataSource.lookup();
        } catch (IllegalStateException e) {
            throw new SQLException(e.getMessage(), e.getCause());
        }
    }
}

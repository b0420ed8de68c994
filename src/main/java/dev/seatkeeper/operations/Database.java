package dev.seatkeeper.operations;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
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

    /**
     * persistence.xml names {@code jdbc/seatkeeper}: Payara binds it under that name, WildFly under
     * {@code java:/jdbc/seatkeeper}. A {@code @Resource} could name only one of them and would fail deployment on
     * the other server.
     */
    private static final List<String> JNDI_NAMES = List.of("jdbc/seatkeeper", "java:/jdbc/seatkeeper");

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
        NamingException last = null;
        for (String name : JNDI_NAMES) {
            try {
                return (DataSource) new InitialContext().lookup(name);
            } catch (NamingException e) {
                last = e;
            }
        }
        throw new SQLException("No data source bound as " + JNDI_NAMES, last);
    }
}

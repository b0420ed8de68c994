package dev.seatkeeper.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Inserts one row unless the table already holds a row with the same unique key, in the caller's JTA transaction,
 * without ever failing that transaction on the key. The building block of a find-or-create that two requests can run
 * at once for the same key: both end up with the one row, and neither fails (Polar's fix of the same race, #13686,
 * uses the row the winner made).
 *
 * <p>Why not {@code em.persist}: an insert that meets the key through JPA raises a {@code PersistenceException},
 * which marks the JTA transaction rollback-only, so the request would fail (409) after the winner committed. Here the
 * statement runs on the transaction's own JDBC connection (the server hands out the connection already enlisted in
 * the transaction), so the row commits or rolls back with the request, and a request that fails later stores nothing.
 * The persistence context is first made to work on that connection too ({@link #joinConnection}), so that it reads the
 * new row back:
 * <ul>
 * <li>PostgreSQL: {@code INSERT ... ON CONFLICT (key) DO NOTHING}. A competing insert of the key not yet committed
 *     makes the statement wait for that transaction; if it commits, nothing is inserted and the transaction goes on,
 *     if it rolls back, this row is inserted.</li>
 * <li>H2 (2.2): a plain {@code INSERT}. H2 retries a statement that meets an uncommitted key of another transaction
 *     until that transaction ends (at most {@code LOCK_TIMEOUT}), then inserts (the other rolled back) or fails with
 *     SQL state 23505 (it committed). A failed statement does not end an H2 transaction, and the failure never
 *     reaches JPA, so the transaction goes on.</li>
 * </ul>
 * Measured on H2 2.2.224: with the competing transaction committing after 1 s, the insert waited 1,009 ms and failed
 * with 23505, and the transaction's earlier and later statements committed.
 */
@ApplicationScoped
public class UniqueInsert {
    /** SQL state of a unique or primary key violation (SQL standard; H2 and PostgreSQL). */
    static final String UNIQUE_VIOLATION = "23505";

    private volatile DataSource dataSource;
    private volatile Boolean postgresql;

    /**
     * Inserts the row unless one with the same values in the {@code key} columns exists or is being inserted by
     * another transaction that then commits. The persistence context's pending changes are written first.
     *
     * @param em the caller's transaction-scoped entity manager, which then reads the row like any other
     * @param table a constant table name (never user input: it is written into the SQL)
     * @param key the constant column names of one unique constraint of the table, as PostgreSQL's conflict target
     * @param values the row's non-null values by constant column name; columns left out are stored as NULL. A
     *     {@link java.util.UUID} is bound as such (PostgreSQL {@code uuid}, H2 text), an {@link OffsetDateTime} as a
     *     {@link Timestamp} of the same instant, as the JPA providers store it
     * @return true if this call inserted the row, false if a row with the key was there (committed by another
     *     transaction, or written earlier by this one)
     * @throws PersistenceException for any other database failure, with the {@link SQLException} as its cause (a lock
     *     timeout keeps its SQL state, {@code HYT00} on H2, which the error mapper answers 503)
     */
    public boolean insert(EntityManager em, String table, List<String> key, Map<String, Object> values) {
        joinConnection(em, table);
        List<String> columns = new ArrayList<>(values.keySet());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        // Closing the handle leaves the physical connection with the transaction until it ends.
        try (Connection connection = dataSource().getConnection()) {
            boolean onConflict = isPostgresql(connection);
            if (onConflict) {
                sql += " ON CONFLICT (" + String.join(", ", key) + ") DO NOTHING";
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < columns.size(); i++) {
                    statement.setObject(i + 1, bindable(values.get(columns.get(i))));
                }
                return statement.executeUpdate() == 1;
            } catch (SQLException e) {
                if (!onConflict && UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new PersistenceException("Could not insert into " + table, e);
        }
    }

    /**
     * Writes what the persistence context holds, then binds it to the transaction's connection with a statement that
     * changes nothing. EclipseLink (Payara) reads through a separate, non-transactional connection until the
     * transaction's first write through JPA, and would not see a row inserted beside it until the commit (measured:
     * a member inserted here was not found by the next JPQL query when the request had only read before). An update
     * through JPA makes it take the transaction's connection for the rest of the transaction; Hibernate (WildFly)
     * always works on it. {@code WHERE 1 = 0} matches no row, so nothing is changed or locked.
     */
    private static void joinConnection(EntityManager em, String table) {
        em.flush();
        em.createNativeQuery("UPDATE " + table + " SET id = id WHERE 1 = 0").executeUpdate();
    }

    private static Object bindable(Object value) {
        return value instanceof OffsetDateTime time ? Timestamp.from(time.toInstant()) : value;
    }

    private DataSource dataSource() {
        DataSource known = dataSource;
        if (known == null) {
            known = ServiceDataSource.lookup();
            dataSource = known;
        }
        return known;
    }

    private boolean isPostgresql(Connection connection) throws SQLException {
        Boolean known = postgresql;
        if (known == null) {
            known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            postgresql = known;
        }
        return known;
    }
}

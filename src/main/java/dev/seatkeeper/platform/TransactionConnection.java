package dev.seatkeeper.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * JDBC statements in the caller's JTA transaction, beside its entity manager: for a statement whose expected failure
 * must not end the transaction. Through JPA, any failed statement raises a {@code PersistenceException}, which marks
 * the JTA transaction rollback-only; on the JDBC connection a failed H2 statement is undone alone and the transaction
 * goes on ({@link UniqueInsert}, the activity route's upsert).
 *
 * <p>The statements run on the transaction's own connection (the entity manager's, or the one the server hands out
 * already enlisted in the transaction), so what they write commits or rolls back with the request. The persistence
 * context is first made to work on that connection too, so that it reads back what they wrote.
 */
@ApplicationScoped
public class TransactionConnection {
    private volatile DataSource dataSource;

    /** Work on a JDBC connection that the caller must not close. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on the transaction's connection, after writing what the persistence context holds.
     *
     * @param em the caller's transaction-scoped entity manager
     * @param table a constant table with an {@code id} column (never user input): the persistence context is bound
     *     to the transaction's connection with a statement on it that changes nothing
     * @return what {@code work} returns
     * @throws PersistenceException when {@code work} or the connection fails, with the {@link SQLException} as its
     *     cause (a lock timeout keeps its SQL state, {@code HYT00} on H2, which the error mapper answers 503)
     */
    public <T> T run(EntityManager em, String table, Work<T> work) {
        joinConnection(em, table);
        Connection own = entityManagersConnection(em);
        // Closing a handle of the pool's leaves the physical connection with the transaction until it ends; the
        // entity manager's own connection is its to close.
        try (Connection handle = own == null ? dataSource().getConnection() : null) {
            return work.run(own != null ? own : handle);
        } catch (SQLException e) {
            throw new PersistenceException("A statement on " + table + " failed", e);
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

    /**
     * The connection the entity manager works on in this transaction (EclipseLink hands it out once a write has bound
     * it, as {@link #joinConnection} does), or {@code null} where the provider does not (Hibernate on WildFly), which
     * then gets a handle of the pool's. Asking the pool first cost a second connection per request: under load on one
     * subscription every request held one while waiting for the row lock, and the lock holder waited for the pool
     * (the benchmark's assign load stalled at 12/s, the others timing out on the lock).
     */
    private static Connection entityManagersConnection(EntityManager em) {
        try {
            return em.unwrap(Connection.class);
        } catch (RuntimeException notSupported) {
            return null;
        }
    }

    private DataSource dataSource() {
        DataSource known = dataSource;
        if (known == null) {
            known = ServiceDataSource.lookup();
            dataSource = known;
        }
        return known;
    }
}

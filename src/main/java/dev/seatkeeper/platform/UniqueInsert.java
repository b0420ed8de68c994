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
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A find-or-create by a unique key that any number of requests can run at once for the same key: all of them end up
 * with the one row, and none fails (Polar's fix of this race for seat holders, #13686, uses the row the winner made).
 * The row is inserted unless the table already holds one with the same key, in the caller's JTA transaction, without
 * ever failing that transaction on the key, and without a row lock.
 *
 * <p>Why not {@code em.persist}: an insert that meets the key through JPA raises a {@code PersistenceException},
 * which marks the JTA transaction rollback-only, so the request would fail (409) after the winner committed. Here the
 * statement runs on the transaction's own JDBC connection (the entity manager's, or the one the server hands out
 * already enlisted in the transaction), so the row commits or rolls back with the request, and a request that fails
 * later stores nothing.
 * The persistence context is first made to work on that connection too (an update that matches no row, through JPA),
 * so that it reads the new row back:
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
    public static final String UNIQUE_VIOLATION = "23505";

    /** Enough for a row deleted between the insert that yielded to it and the look-up after it, twice. */
    static final int ATTEMPTS = 3;

    private volatile DataSource dataSource;
    private volatile Boolean postgresql;

    /** What a find-or-create returns: the entity, and whether this transaction inserted its row. */
    public record Found<T>(T entity, boolean created) {}

    /**
     * A row to insert unless its unique key is taken.
     *
     * @param table a constant table name (never user input: it is written into the SQL)
     * @param key the constant column names of one unique constraint of the table, as PostgreSQL's conflict target
     * @param values the row's non-null values by constant column name; columns left out are stored as NULL. A
     *     {@link java.util.UUID} is bound as such (PostgreSQL {@code uuid}, H2 text), an {@link OffsetDateTime} as a
     *     {@link Timestamp} of the same instant, as the JPA providers store it
     */
    public record NewRow(String table, List<String> key, Map<String, Object> values) {}

    /**
     * A find-or-create that any number of transactions may run at once for the same key, all ending with the one row:
     * what {@code find} finds; else {@code newRow} is inserted unless a row with its key exists or is being inserted
     * by another transaction that then commits, and what {@code find} finds after that. The persistence context's
     * pending changes are written before the insert. Tries again, up to {@value #ATTEMPTS} times in all, when the row
     * it yielded to was deleted before it could be read.
     *
     * @param em the caller's transaction-scoped entity manager, which reads the new row like any other
     * @param find the look-up by the key, through {@code em}
     * @param newRow the row to insert when {@code find} finds nothing (made only then)
     * @return the entity found, and whether this transaction inserted it
     * @throws PersistenceException when the database fails otherwise, with the {@link SQLException} as its cause (a
     *     lock timeout keeps its SQL state, {@code HYT00} on H2, which the error mapper answers 503)
     * @throws IllegalStateException when the row is still not there after the last try
     */
    public <T> Found<T> findOrInsert(EntityManager em, Supplier<Optional<T>> find, Supplier<NewRow> newRow) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<T> known = find.get();
            if (known.isPresent()) {
                return new Found<>(known.get(), false);
            }
            NewRow row = newRow.get();
            boolean inserted = insert(em, row.table(), row.key(), row.values());
            Optional<T> stored = find.get();
            if (stored.isPresent()) {
                return new Found<>(stored.get(), inserted);
            }
            if (inserted) {
                throw new IllegalStateException(
                        "A row inserted into " + row.table() + " is not visible to its own" + " transaction");
            }
        }
        throw new IllegalStateException("The row kept disappearing after " + ATTEMPTS + " tries");
    }

    /**
     * Inserts the row unless one with the same values in the {@code key} columns exists or is being inserted by
     * another transaction that then commits (the parameters as {@link NewRow}).
     *
     * @return true if this call inserted the row, false if a row with the key was there (committed by another
     *     transaction, or written earlier by this one)
     */
    private boolean insert(EntityManager em, String table, List<String> key, Map<String, Object> values) {
        joinConnection(em, table);
        List<String> columns = new ArrayList<>(values.keySet());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        Connection own = entityManagersConnection(em);
        // Closing a handle of the pool's leaves the physical connection with the transaction until it ends; the
        // entity manager's own connection is its to close.
        try (Connection handle = own == null ? dataSource().getConnection() : null) {
            Connection connection = own != null ? own : handle;
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

package dev.seatkeeper.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

/**
 * A find-or-create by a unique key that any number of requests can run at once for the same key: all of them end up
 * with the one row, and none fails (Polar's fix of this race for seat holders, #13686, uses the row the winner made).
 * The row is inserted unless the table already holds one with the same key, in the caller's JTA transaction, without
 * ever failing that transaction on the key, and without a row lock.
 *
 * <p>Why not {@code em.persist}: an insert that meets the key through JPA raises a {@code PersistenceException},
 * which marks the JTA transaction rollback-only, so the request would fail (409) after the winner committed. Here the
 * statement runs on the transaction's own JDBC connection ({@link TransactionConnection}), so the row commits or rolls
 * back with the request, a request that fails later stores nothing, and the persistence context reads the new row:
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

    @Inject
    TransactionConnection connections;

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
        List<String> columns = new ArrayList<>(values.keySet());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        return connections.run(em, table, connection -> {
            boolean onConflict = isPostgresql(connection);
            String statementSql = onConflict ? sql + " ON CONFLICT (" + String.join(", ", key) + ") DO NOTHING" : sql;
            try (PreparedStatement statement = connection.prepareStatement(statementSql)) {
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
        });
    }

    private static Object bindable(Object value) {
        return value instanceof OffsetDateTime time ? Timestamp.from(time.toInstant()) : value;
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

package dev.seatkeeper.platform;

import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code SELECT id ... FOR UPDATE} on one row, by a constant table and column: the narrowest lock both JPA
 * providers issue the same way, without also locking the rows an entity query would join. Held until the
 * transaction ends.
 */
public final class RowLock {
    private RowLock() {}

    /**
     * Locks the row whose column has the value.
     *
     * @param table  a constant table name (never user input: it is written into the SQL)
     * @param column a constant column name, likewise
     * @param value  the value, bound with its own Java type: a {@link UUID} for a {@code uuid} column, a
     *               {@link String} for a text column. PostgreSQL has no implicit cast from {@code varchar} to
     *               {@code uuid}, so an id bound as text fails there ({@code operator does not exist: uuid =
     *               character varying}) even though H2 accepts it.
     * @return the id of the locked row, or empty if no row has the value
     * @throws jakarta.persistence.PersistenceException if the database refuses the query or the lock times out
     */
    public static Optional<UUID> lock(EntityManager em, String table, String column, Object value) {
        List<?> ids = em.createNativeQuery("SELECT id FROM " + table + " WHERE " + column + " = ?1 FOR UPDATE")
                .setParameter(1, value)
                .getResultList();
        return ids.stream().findFirst().map(RowLock::toUuid);
    }

    /**
     * Locks the row of a table by its {@code uuid} primary key.
     *
     * @return the id, or empty if there is no such row
     * @throws jakarta.persistence.PersistenceException as {@link #lock}
     */
    public static Optional<UUID> lockById(EntityManager em, String table, UUID id) {
        return lock(em, table, "id", id);
    }

    /**
     * A native query's id column as a UUID: it comes back as the provider maps it, text (EclipseLink), UUID or 16 bytes
     * (Hibernate).
     */
    public static UUID toUuid(Object column) {
        if (column instanceof UUID uuid) {
            return uuid;
        }
        if (column instanceof byte[] bytes && bytes.length == 16) {
            var buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return UUID.fromString(column.toString());
    }
}

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
    private RowLock() {
    }

    /** Locks the row whose column has the value; the id of the row, or empty if there is none. */
    public static Optional<UUID> lock(EntityManager em, String table, String column, String value) {
        List<?> ids = em.createNativeQuery("SELECT id FROM " + table + " WHERE " + column + " = ?1 FOR UPDATE")
                .setParameter(1, value).getResultList();
        return ids.stream().findFirst().map(RowLock::toUuid);
    }

    public static Optional<UUID> lockById(EntityManager em, String table, UUID id) {
        return lock(em, table, "id", id.toString());
    }

    /** A native query's id column comes back as the provider maps it: text (EclipseLink), UUID or 16 bytes (Hibernate). */
    private static UUID toUuid(Object column) {
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

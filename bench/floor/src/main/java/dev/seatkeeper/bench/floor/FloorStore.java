package dev.seatkeeper.bench.floor;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The stack's floor: one container-managed transaction that inserts one row, and one that reads a row by its primary
 * key, through the same parts Seatkeeper's writes go through (a {@code @Stateless} bean called from an application-scoped
 * JAX-RS resource, JPA on EclipseLink, the server's connection pool, an H2 file). What a Seatkeeper write costs above the
 * insert is Seatkeeper's own work; what the insert costs above the no-op GET is the stack's, which no change to
 * Seatkeeper's code can remove. The H2 file has H2's default settings: its commits are not forced to the disk before the
 * answer, as Seatkeeper's are, so the floor is lower than a durable write's.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/floor",
        className = "${ENV=FLOOR_DB_DATASOURCE:org.h2.jdbcx.JdbcDataSource}",
        url = "${ENV=FLOOR_DB_URL:jdbc:h2:file:./data/floor}",
        user = "${ENV=FLOOR_DB_USER:sa}",
        password = "${ENV=FLOOR_DB_PASSWORD:sa}")
@Stateless
public class FloorStore {
    @PersistenceContext(unitName = "floor")
    private EntityManager em;

    /** Inserts one row named {@code name} (at most {@link FloorRow#NAME_LENGTH} characters); returns its id. */
    public String insert(String name) {
        String id = FloorRow.newId();
        em.persist(new FloorRow(id, name, OffsetDateTime.now(ZoneOffset.UTC)));
        return id;
    }

    /** Returns the row with this id, or null. */
    public FloorRow find(String id) {
        return em.find(FloorRow.class, id);
    }
}

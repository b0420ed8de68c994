package dev.seatkeeper.bench.floor;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * {@code POST /floor/rows} inserts one row and answers {@code {"id":"…"}}; {@code GET /floor/rows/{id}} answers
 * {@code {"id":"…","name":"…"}} (404 if there is no such row). See {@link FloorStore} for what they measure.
 * {@code POST /floor/rows/jdbc} inserts the same row with one JDBC statement in auto-commit, with neither the EJB
 * container, JTA nor JPA: what is left of a write's floor without them.
 */
@ApplicationScoped
@Path("rows")
public class Floor {
    @Inject
    FloorStore store;

    @Resource(lookup = "java:app/jdbc/floor")
    DataSource dataSource;

    /** Stores the request body as the row's name ({@link FloorRow#nameOf}); returns the new id. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String insert(String body) {
        return "{\"id\":\"" + store.insert(FloorRow.nameOf(body)) + "\"}";
    }

    /** Stores the body as {@link #insert} does, through JDBC alone; returns the new id. */
    @POST
    @Path("jdbc")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String insertJdbc(String body) throws SQLException {
        String id = FloorRow.newId();
        try (var c = dataSource.getConnection();
                var insert = c.prepareStatement("insert into floor_row (id, name, created_at) values (?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, FloorRow.nameOf(body));
            insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return "{\"id\":\"" + id + "\"}";
    }

    /** Reads the row by its id. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public String find(@PathParam("id") String id) {
        FloorRow row = store.find(id);
        if (row == null) throw new NotFoundException();
        return "{\"id\":\"" + row.id() + "\",\"name\":" + quoted(row.name()) + "}";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

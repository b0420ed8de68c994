package dev.seatkeeper.bench.noop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The benchmark's yardstick: {@code GET /noop/ping} answers {@code {"ok":true}} without touching anything, so its
 * throughput is what the server, the connector and JAX-RS cost on their own. Seatkeeper's figures are given as a share
 * of it, measured in the same run.
 */
@Path("ping")
public class Ping {
    /** Returns a constant JSON body. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String ping() {
        return "{\"ok\":true}";
    }
}

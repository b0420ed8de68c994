package dev.seatkeeper.reclaim;

import dev.seatkeeper.seats.CustomerSeat;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * Added to the test deployment only (never to the built WAR), for servers without SMTP: the "keep my seat" link the
 * inactivity warning e-mail of a warned seat would carry, made by the mailer's own {@link KeepLinks} (a new member
 * session of the holder stored with it).
 */
@Path("/test-support/keep-links")
@Stateless
public class KeepLinkSupport {
    @PersistenceContext
    EntityManager em;

    @Inject
    KeepLinks keepLinks;

    /** {"url"} for the warned seat with a member; 404 for an unknown seat, 409 for one not warned or without member. */
    @POST
    @Path("/{seatId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response keepLink(@PathParam("seatId") String seatId) {
        var found = em.createNamedQuery("CustomerSeat.withContainer", CustomerSeat.class)
                .setParameter("id", UUID.fromString(seatId))
                .getResultList();
        if (found.isEmpty()) {
            return Response.status(404).build();
        }
        var seat = found.get(0);
        if (seat.reclaimAt() == null || seat.member() == null) {
            return Response.status(409).build();
        }
        String url = keepLinks.link(seat);
        return Response.ok(Json.createObjectBuilder().add("url", url).build().toString())
                .build();
    }
}

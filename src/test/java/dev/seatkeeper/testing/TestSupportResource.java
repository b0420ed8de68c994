package dev.seatkeeper.testing;

import dev.seatkeeper.security.TokenHasher;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Added to the test deployment only (never to the built WAR): lets a test move a session's expiry into the past
 * instead of waiting an hour.
 */
@Path("/test-support")
@Stateless
public class TestSupportResource {
    @PersistenceContext
    EntityManager em;
    @Inject
    TokenHasher hasher;

    @POST
    @Path("/expire-session/{token}")
    public Response expireSession(@PathParam("token") String token) {
        var past = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        String hash = hasher.hash(token);
        int changed = em.createQuery("update CustomerSession s set s.expiresAt = :t where s.tokenHash = :h")
                .setParameter("t", past).setParameter("h", hash).executeUpdate()
                + em.createQuery("update MemberSession s set s.expiresAt = :t where s.tokenHash = :h")
                .setParameter("t", past).setParameter("h", hash).executeUpdate();
        return Response.status(changed == 1 ? 204 : 404).build();
    }
}

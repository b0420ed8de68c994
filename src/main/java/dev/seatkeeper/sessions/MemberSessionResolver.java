package dev.seatkeeper.sessions;

import dev.seatkeeper.security.Principal;
import dev.seatkeeper.security.TokenFormat;
import dev.seatkeeper.security.TokenResolver;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Resolves member session tokens ({@code polar_mst_…}): a member of a customer in the portal, who manages billing
 * when its role says so.
 */
@Stateless
public class MemberSessionResolver implements TokenResolver {
    @PersistenceContext
    EntityManager em;

    @Override
    public String prefix() {
        return TokenFormat.MEMBER_SESSION;
    }

    @Override
    public Optional<Principal> resolve(String tokenHash, OffsetDateTime now) {
        return em.createNamedQuery("MemberSession.byHash", MemberSession.class)
                .setParameter("hash", tokenHash)
                .getResultStream()
                .findFirst()
                .filter(s -> !s.isExpiredAt(now))
                .map(s -> new Principal.MemberSessionUser(
                        s.organizationId(),
                        s.member().customer().id(),
                        s.member().id(),
                        s.member().role().managesBilling(),
                        s.id()));
    }
}

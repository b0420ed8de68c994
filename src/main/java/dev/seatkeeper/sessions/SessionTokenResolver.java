package dev.seatkeeper.sessions;

import dev.seatkeeper.security.Principal;
import dev.seatkeeper.security.TokenResolver;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What the two portal session resolvers share: one look-up of the session by its token hash (the kind's named query
 * {@code <Entity>.byHash}, which fetches what the principal needs), an expired session treated as unknown.
 *
 * @param <S> the kind of session
 */
abstract class SessionTokenResolver<S extends PortalSession> implements TokenResolver {
    @PersistenceContext
    EntityManager em;

    /** The entity class of this kind of session; its named query {@code <simple name>.byHash} finds it by hash. */
    abstract Class<S> sessionType();

    /** The principal a live session of this kind stands for. */
    abstract Principal principal(S session);

    /** What the principal carries of the session itself. */
    static Principal.CallingSession calling(PortalSession session) {
        return new Principal.CallingSession(session.id(), session.expiresAt(), session.returnUrl());
    }

    @Override
    public Optional<Principal> resolve(String tokenHash, OffsetDateTime now) {
        return em.createNamedQuery(sessionType().getSimpleName() + ".byHash", sessionType())
                .setParameter("hash", tokenHash)
                .getResultStream()
                .findFirst()
                .filter(s -> !s.isExpiredAt(now))
                .map(this::principal);
    }
}

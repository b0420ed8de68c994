package dev.seatkeeper.sessions;

import dev.seatkeeper.security.Principal;
import dev.seatkeeper.security.TokenFormat;
import dev.seatkeeper.security.TokenResolver;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Resolves customer session tokens ({@code polar_cst_…}): the billing customer in the portal. */
@Stateless
public class CustomerSessionResolver implements TokenResolver {
    @PersistenceContext
    EntityManager em;

    @Override
    public String prefix() {
        return TokenFormat.CUSTOMER_SESSION;
    }

    @Override
    public Optional<Principal> resolve(String tokenHash, OffsetDateTime now) {
        return em.createNamedQuery("CustomerSession.byHash", CustomerSession.class)
                .setParameter("hash", tokenHash)
                .getResultStream()
                .findFirst()
                .filter(s -> !s.isExpiredAt(now))
                .map(s -> new Principal.CustomerSessionUser(
                        s.organizationId(), s.customer().id(), s.id()));
    }
}

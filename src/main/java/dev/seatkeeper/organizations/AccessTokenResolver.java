package dev.seatkeeper.organizations;

import dev.seatkeeper.security.Principal;
import dev.seatkeeper.security.TokenFormat;
import dev.seatkeeper.security.TokenResolver;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Resolves organization access tokens ({@code polar_oat_…}) for the authentication filter, and notes their use. */
// Its view is TokenResolver (the type the authentication filter looks resolvers up by), whatever it inherits.
@Stateless
@Local(TokenResolver.class)
public class AccessTokenResolver implements TokenResolver {
    /** How stale an organization token's {@code last_used_at} may be: writing it on every request would cost a write. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    @Override
    public String prefix() {
        return TokenFormat.ORGANIZATION_ACCESS_TOKEN;
    }

    @Override
    public Optional<Principal> resolve(String tokenHash, OffsetDateTime now) {
        var found = em.createNamedQuery("OrganizationAccessToken.byHash", OrganizationAccessToken.class)
                .setParameter("hash", tokenHash)
                .getResultStream()
                .findFirst()
                .filter(t -> !t.isExpiredAt(now));
        found.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minus(LAST_USE_PRECISION)))
                .ifPresent(t -> noteUse(t, now));
        return found.map(t -> new Principal.OrganizationToken(t.organizationId(), t.id(), t.scopes()));
    }

    /**
     * Records when an organization token was last used, at most once per {@link #LAST_USE_PRECISION} (contract,
     * "Security boundaries"): a conditional update, so that concurrent requests of one token write it once.
     */
    private void noteUse(OrganizationAccessToken token, OffsetDateTime now) {
        em.createNamedQuery("OrganizationAccessToken.noteUse")
                .setParameter("now", now)
                .setParameter("id", token.id())
                .setParameter("before", now.minus(LAST_USE_PRECISION))
                .executeUpdate();
    }
}

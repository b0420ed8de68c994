package dev.seatkeeper.security;

import dev.seatkeeper.organizations.OrganizationAccessToken;
import dev.seatkeeper.platform.Settings;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.sessions.CustomerSession;
import dev.seatkeeper.sessions.MemberSession;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Turns a bearer token into a {@link Principal}: one indexed look-up by hash, after the format and checksum
 * have been checked without touching the database. Expired tokens are treated as unknown.
 */
@Stateless
public class TokenAuthenticator {
    /** How stale an organization token's {@code last_used_at} may be: writing it on every request would cost a write. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
    @PersistenceContext
    EntityManager em;
    @Inject
    TokenHasher hasher;
    @Inject
    Settings settings;

    public Optional<Principal> authenticate(String token) {
        if (isOperatorToken(token)) {
            return Optional.of(new Principal.Operator());
        }
        var now = Timestamps.now();
        if (TokenFormat.isWellFormed(token, TokenFormat.ORGANIZATION_ACCESS_TOKEN)) {
            var found = em.createNamedQuery("OrganizationAccessToken.byHash", OrganizationAccessToken.class)
                    .setParameter("hash", hasher.hash(token)).getResultStream().findFirst()
                    .filter(t -> !t.isExpiredAt(now));
            found.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minus(LAST_USE_PRECISION)))
                    .ifPresent(t -> noteUse(t, now));
            return found.map(t -> new Principal.OrganizationToken(t.organizationId(), t.id(), t.scopes()));
        }
        if (TokenFormat.isWellFormed(token, TokenFormat.CUSTOMER_SESSION)) {
            return em.createNamedQuery("CustomerSession.byHash", CustomerSession.class)
                    .setParameter("hash", hasher.hash(token)).getResultStream().findFirst()
                    .filter(s -> !s.isExpiredAt(now))
                    .map(s -> new Principal.CustomerSessionUser(s.organizationId(), s.customer().id(), s.id()));
        }
        if (TokenFormat.isWellFormed(token, TokenFormat.MEMBER_SESSION)) {
            return em.createNamedQuery("MemberSession.byHash", MemberSession.class)
                    .setParameter("hash", hasher.hash(token)).getResultStream().findFirst()
                    .filter(s -> !s.isExpiredAt(now))
                    .map(s -> new Principal.MemberSessionUser(s.organizationId(), s.member().customer().id(),
                            s.member().id(), s.member().role(), s.id()));
        }
        return Optional.empty();
    }

    /**
     * Records when an organization token was last used, at most once per {@link #LAST_USE_PRECISION} (contract,
     * "Security boundaries"): a conditional update, so that concurrent requests of one token write it once.
     */
    private void noteUse(OrganizationAccessToken token, OffsetDateTime now) {
        em.createNamedQuery("OrganizationAccessToken.noteUse").setParameter("now", now).setParameter("id", token.id())
                .setParameter("before", now.minus(LAST_USE_PRECISION)).executeUpdate();
    }

    private boolean isOperatorToken(String token) {
        return settings.adminToken()
                .map(admin -> MessageDigest.isEqual(admin.getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }
}

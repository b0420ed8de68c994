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
import java.util.Optional;

/**
 * Turns a bearer token into a {@link Principal}: one indexed look-up by hash, after the format and checksum
 * have been checked without touching the database. Expired tokens are treated as unknown.
 */
@Stateless
public class TokenAuthenticator {
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
            return em.createNamedQuery("OrganizationAccessToken.byHash", OrganizationAccessToken.class)
                    .setParameter("hash", hasher.hash(token)).getResultStream().findFirst()
                    .filter(t -> !t.isExpiredAt(now))
                    .map(t -> new Principal.OrganizationToken(t.organizationId(), t.id(), t.scopes()));
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

    private boolean isOperatorToken(String token) {
        return settings.adminToken()
                .map(admin -> MessageDigest.isEqual(admin.getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }
}

package dev.seatkeeper.security;

import dev.seatkeeper.platform.Settings;
import dev.seatkeeper.platform.Timestamps;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Turns a bearer token into a {@link Principal}: the operator's token by comparison with the configured one, any
 * other by its prefix, format and checksum (no database look-up for a malformed token), then one indexed look-up by
 * hash in the {@link TokenResolver} of that prefix. Expired tokens are treated as unknown.
 */
@ApplicationScoped
public class TokenAuthenticator {
    @Inject
    @Any
    Instance<TokenResolver> found;

    @Inject
    TokenHasher hasher;

    @Inject
    Settings settings;

    private List<TokenResolver> resolvers;

    @PostConstruct
    void collectResolvers() {
        resolvers = found.stream().toList();
    }

    /** Who {@code token} stands for, or empty for an unknown, expired or malformed one. */
    public Optional<Principal> authenticate(String token) {
        if (isOperatorToken(token)) {
            return Optional.of(new Principal.Operator());
        }
        for (TokenResolver resolver : resolvers) {
            if (TokenFormat.isWellFormed(token, resolver.prefix())) {
                return resolver.resolve(hasher.hash(token), Timestamps.now());
            }
        }
        return Optional.empty();
    }

    private boolean isOperatorToken(String token) {
        return settings.adminToken()
                .map(admin -> MessageDigest.isEqual(
                        admin.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }
}

package dev.seatkeeper.security;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Finds who a bearer token of one kind stands for. Implemented by the feature that issues and stores that kind of
 * token (organization access tokens in {@code organizations}, portal sessions in {@code sessions}), so that
 * {@code security} needs none of their types: it checks the format, hashes the token and asks the resolver whose
 * {@link #prefix()} the token carries.
 */
public interface TokenResolver {

    /** The prefix of the tokens this resolver knows, one of {@link TokenFormat}'s constants. */
    String prefix();

    /**
     * The principal of the stored token with this hash ({@link TokenHasher#hash}), or empty when there is none or it
     * expired at {@code now} (UTC). Runs one indexed look-up; it may also note the token's use.
     */
    Optional<Principal> resolve(String tokenHash, OffsetDateTime now);
}

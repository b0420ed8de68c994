package dev.seatkeeper.organizations;

import dev.seatkeeper.security.Scope;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The answer to creating an access token: its record, and the token itself, shown this once only. */
public record AccessTokenResponse(OrganizationAccessTokenView organizationAccessToken, String token) {

    /** A token's record as Polar's OrganizationAccessToken shows it: never the token or its hash. */
    public record OrganizationAccessTokenView(
            OffsetDateTime createdAt,
            OffsetDateTime modifiedAt,
            UUID id,
            List<String> scopes,
            OffsetDateTime expiresAt,
            String comment,
            OffsetDateTime lastUsedAt,
            UUID organizationId) {
        static OrganizationAccessTokenView of(OrganizationAccessToken t) {
            return new OrganizationAccessTokenView(
                    t.createdAt(),
                    t.modifiedAt(),
                    t.id(),
                    t.scopes().stream().map(Scope::wireName).sorted().toList(),
                    t.expiresAt(),
                    t.comment(),
                    t.lastUsedAt(),
                    t.organizationId());
        }
    }
}

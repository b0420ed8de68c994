package dev.seatkeeper.organizations;

import dev.seatkeeper.platform.BaseEntity;
import dev.seatkeeper.platform.Timestamps;
import dev.seatkeeper.security.Scope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A merchant backend's credential. Only the HMAC of the token is kept; the token itself is shown once. */
@Entity
@Table(
        name = "organization_access_tokens",
        indexes = {
            @Index(name = "ix_oat_token_hash", columnList = "token_hash", unique = true),
            @Index(name = "ix_oat_organization", columnList = "organization_id")
        })
@NamedQuery(
        name = "OrganizationAccessToken.byHash",
        query = "select t from OrganizationAccessToken t where t.tokenHash = :hash")
@NamedQuery(
        name = "OrganizationAccessToken.noteUse",
        query = "update OrganizationAccessToken t set t.lastUsedAt = :now"
                + " where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :before)")
public class OrganizationAccessToken extends BaseEntity {
    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 1000)
    private String comment;

    @Column(nullable = false, length = 2000)
    private String scopes;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    protected OrganizationAccessToken() {}

    public OrganizationAccessToken(
            UUID organizationId, String tokenHash, String comment, Collection<Scope> scopes, OffsetDateTime expiresAt) {
        super(Timestamps.now());
        this.organizationId = organizationId;
        this.tokenHash = tokenHash;
        this.comment = comment;
        this.scopes = scopes.stream().map(Scope::wireName).sorted().collect(Collectors.joining(" "));
        this.expiresAt = expiresAt;
    }

    /**
     * Changes what the token is for (Polar's OrganizationAccessTokenUpdate): a {@code null} argument keeps the
     * current value. Takes effect on the token's next request.
     */
    public void update(String comment, Collection<Scope> scopes) {
        if (comment != null) {
            this.comment = comment;
        }
        if (scopes != null) {
            this.scopes = scopes.stream().map(Scope::wireName).sorted().collect(Collectors.joining(" "));
        }
        touch();
    }

    public boolean isExpiredAt(OffsetDateTime now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public Set<Scope> scopes() {
        var set = EnumSet.noneOf(Scope.class);
        Arrays.stream(scopes.split(" "))
                .map(Scope::fromWire)
                .flatMap(Optional::stream)
                .forEach(set::add);
        return set;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String comment() {
        return comment;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public OffsetDateTime lastUsedAt() {
        return lastUsedAt;
    }
}

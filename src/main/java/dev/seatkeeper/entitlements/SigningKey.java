package dev.seatkeeper.entitlements;

import dev.seatkeeper.platform.BaseEntity;
import dev.seatkeeper.platform.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One Ed25519 key pair of an organization. The public half is stored as the JWK's {@code x} (base64url), the private
 * half ({@code d}) sealed with {@code security.SecretSealer}, as webhook secrets are. It signs from {@link #signsFrom}
 * until the next key's {@code signsFrom}; it is published from its creation (at least one TTL before it signs) until one
 * TTL after it stopped, unless revoked ({@code revoke_previous}), which unpublishes it at once.
 */
@Entity
@Table(name = "entitlement_keys")
class SigningKey extends BaseEntity {
    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    /** The first 16 characters of the public JWK's RFC 7638 SHA-256 thumbprint (base64url). */
    @Column(name = "kid", nullable = false, length = 64)
    private String kid;

    @Column(name = "public_x", nullable = false, length = 64)
    private String publicX;

    @Column(name = "private_d_sealed", nullable = false, length = 256)
    private String privateDSealed;

    @Column(name = "signs_from", nullable = false)
    private OffsetDateTime signsFrom;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected SigningKey() {}

    SigningKey(UUID organizationId, String kid, String publicX, String privateDSealed, OffsetDateTime signsFrom) {
        super(Timestamps.now());
        this.organizationId = organizationId;
        this.kid = kid;
        this.publicX = publicX;
        this.privateDSealed = privateDSealed;
        this.signsFrom = signsFrom;
    }

    /** On-demand rotation: this (published) next key signs from {@code now}. */
    void signFrom(OffsetDateTime now) {
        this.signsFrom = now;
        touch();
    }

    /** A compromised key: unpublished at once, so every token it signed fails. */
    void revoke(OffsetDateTime now) {
        this.revokedAt = now;
        touch();
    }

    UUID organizationId() {
        return organizationId;
    }

    String kid() {
        return kid;
    }

    String publicX() {
        return publicX;
    }

    String privateDSealed() {
        return privateDSealed;
    }

    OffsetDateTime signsFrom() {
        return signsFrom;
    }

    OffsetDateTime revokedAt() {
        return revokedAt;
    }
}

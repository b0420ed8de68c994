package dev.seatkeeper.sessions;

import dev.seatkeeper.platform.BaseEntity;
import dev.seatkeeper.platform.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A portal session of either kind: the hash of its token, its expiry, and where the portal returns to. */
@MappedSuperclass
public abstract class PortalSession extends BaseEntity {
    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "return_url", length = 2048)
    private String returnUrl;

    protected PortalSession() {}

    protected PortalSession(UUID organizationId, String tokenHash, OffsetDateTime expiresAt, String returnUrl) {
        super(Timestamps.now());
        this.organizationId = organizationId;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
        this.returnUrl = returnUrl;
    }

    public boolean isExpiredAt(OffsetDateTime now) {
        return !expiresAt.isAfter(now);
    }

    public UUID organizationId() {
        return organizationId;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public String returnUrl() {
        return returnUrl;
    }
}

package dev.seatkeeper.idempotency;

import dev.seatkeeper.platform.BaseEntity;
import dev.seatkeeper.platform.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One caller's use of one {@code Idempotency-Key}: the fingerprint of the request it was first sent with, and, once
 * answered, the response's status and body, sealed ({@code security.SecretSealer}) because it may hold an invitation
 * or session token. No status yet means the request is still in flight.
 */
@Entity
@Table(name = "idempotency_keys")
@NamedQuery(
        name = "IdempotencyRecord.byKey",
        query = "select r from IdempotencyRecord r where r.caller = :caller and r.idempotencyKey = :key")
public class IdempotencyRecord extends BaseEntity {
    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(nullable = false, length = 128)
    private String caller;

    @Column(name = "idempotency_key", nullable = false, length = 255)
    private String idempotencyKey;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(name = "response_status")
    private Integer responseStatus;

    /** Not a {@code @Lob}: Hibernate would map it to an {@code oid} on PostgreSQL. At most 1,000,000 characters. */
    @Column(name = "response_sealed", length = 1_000_000)
    private String responseSealed;

    protected IdempotencyRecord() {}

    IdempotencyRecord(String caller, String idempotencyKey, String requestHash, OffsetDateTime expiresAt) {
        super(Timestamps.now());
        this.caller = caller;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.expiresAt = expiresAt;
    }

    void answer(int status, String sealedBody) {
        this.responseStatus = status;
        this.responseSealed = sealedBody;
        touch();
    }

    String requestHash() {
        return requestHash;
    }

    Integer responseStatus() {
        return responseStatus;
    }

    String responseSealed() {
        return responseSealed;
    }
}

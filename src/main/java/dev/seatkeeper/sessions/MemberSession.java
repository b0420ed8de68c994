package dev.seatkeeper.sessions;

import dev.seatkeeper.customers.Member;
import dev.seatkeeper.platform.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A member's portal session. Ending one (a revoked seat) deletes its row, so the token stops at once. */
@Entity
@Table(name = "member_sessions", indexes = {
        @Index(name = "ix_member_sessions_token_hash", columnList = "token_hash", unique = true),
        @Index(name = "ix_member_sessions_member", columnList = "member_id")})
@NamedQuery(name = "MemberSession.byHash",
        query = "select s from MemberSession s join fetch s.member where s.tokenHash = :hash")
@NamedQuery(name = "MemberSession.deleteByMember", query = "delete from MemberSession s where s.member.id = :memberId")
public class MemberSession {
    @Id
    private UUID id;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "modified_at")
    private OffsetDateTime modifiedAt;
    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;
    @ManyToOne(optional = false)
    @JoinColumn(name = "member_id", nullable = false)
    private Member member;
    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;
    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;
    @Column(name = "return_url", length = 2048)
    private String returnUrl;

    protected MemberSession() {
    }

    public MemberSession(Member member, String tokenHash, OffsetDateTime expiresAt, String returnUrl) {
        this.id = UUID.randomUUID();
        this.createdAt = Timestamps.now();
        this.organizationId = member.organizationId();
        this.member = member;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
        this.returnUrl = returnUrl;
    }

    public boolean isExpiredAt(OffsetDateTime now) {
        return !expiresAt.isAfter(now);
    }

    public UUID id() {
        return id;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime modifiedAt() {
        return modifiedAt;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public Member member() {
        return member;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public String returnUrl() {
        return returnUrl;
    }
}

package dev.seatkeeper.sessions;

import dev.seatkeeper.customers.Member;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A member's portal session (polar_mst_). Ending one (a revoked seat) deletes its row, so the token stops at once. */
@Entity
@Table(
        name = "member_sessions",
        indexes = {
            @Index(name = "ix_member_sessions_token_hash", columnList = "token_hash", unique = true),
            @Index(name = "ix_member_sessions_member", columnList = "member_id")
        })
// The member's customer with it: every portal request of a member reads it, and a query of its own cost a read more.
// EclipseLink (Payara) does not follow the fetch join through the alias m (it read the customer in a statement of its
// own): its join-fetch hint names the path; Hibernate (WildFly) follows the alias and ignores the hint.
@NamedQuery(
        name = "MemberSession.byHash",
        query = "select s from MemberSession s join fetch s.member m join fetch m.customer where s.tokenHash = :hash",
        hints = @QueryHint(name = "eclipselink.join-fetch", value = "s.member.customer"))
@NamedQuery(name = "MemberSession.deleteByMember", query = "delete from MemberSession s where s.member.id = :memberId")
public class MemberSession extends PortalSession {
    @ManyToOne(optional = false)
    @JoinColumn(name = "member_id", nullable = false)
    private Member member;

    protected MemberSession() {}

    public MemberSession(Member member, String tokenHash, OffsetDateTime expiresAt, String returnUrl) {
        super(member.organizationId(), tokenHash, expiresAt, returnUrl);
        this.member = member;
    }

    public Member member() {
        return member;
    }
}

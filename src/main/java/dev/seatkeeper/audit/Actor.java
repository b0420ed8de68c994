package dev.seatkeeper.audit;

import dev.seatkeeper.security.Principal;
import java.util.UUID;

/**
 * Who made a change (contract, "Beyond Polar: audit trail"): {@code type} is {@code organization_token} (id: the
 * token's id), {@code customer_session} or {@code member_session} (id: the session's id), {@code invitation} (a claim;
 * id: the seat's id), {@code operator} (no id) or {@code system} (id: the job: {@code period_end}, {@code scheduled},
 * {@code expired}, {@code inactivity}, {@code unclaimed}).
 *
 * @param subject the customer (customer session) or member (member session) behind a portal session, else null:
 *     stored beside the entry, not part of it, so that the portal can show "you"
 */
public record Actor(String type, String id, UUID subject) {
    public static final String ORGANIZATION_TOKEN = "organization_token";
    public static final String CUSTOMER_SESSION = "customer_session";
    public static final String MEMBER_SESSION = "member_session";
    public static final String INVITATION = "invitation";
    public static final String OPERATOR = "operator";
    public static final String SYSTEM = "system";

    /** The claim of a seat with its invitation token. */
    public static Actor invitation(UUID seatId) {
        return new Actor(INVITATION, seatId.toString(), null);
    }

    /** A scheduled job, named as the contract names it ({@code period_end}, {@code scheduled}, …). */
    public static Actor system(String job) {
        return new Actor(SYSTEM, job, null);
    }

    /** The authenticated caller of a request. */
    static Actor of(Principal principal) {
        if (principal instanceof Principal.OrganizationToken token) {
            return new Actor(ORGANIZATION_TOKEN, token.tokenId().toString(), null);
        }
        if (principal instanceof Principal.CustomerSessionUser user) {
            return new Actor(CUSTOMER_SESSION, user.sessionId().toString(), user.customerId());
        }
        if (principal instanceof Principal.MemberSessionUser user) {
            return new Actor(MEMBER_SESSION, user.sessionId().toString(), user.memberId());
        }
        return new Actor(OPERATOR, null, null);
    }
}

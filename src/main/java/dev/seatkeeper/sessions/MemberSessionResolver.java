package dev.seatkeeper.sessions;

import dev.seatkeeper.security.Principal;
import dev.seatkeeper.security.TokenFormat;
import dev.seatkeeper.security.TokenResolver;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;

/**
 * Resolves member session tokens ({@code polar_mst_…}): a member of a customer in the portal, who manages billing
 * when its role says so.
 */
// Its view is TokenResolver (the type the authentication filter looks resolvers up by), whatever it inherits.
@Stateless
@Local(TokenResolver.class)
public class MemberSessionResolver extends SessionTokenResolver<MemberSession> {
    @Override
    public String prefix() {
        return TokenFormat.MEMBER_SESSION;
    }

    @Override
    Class<MemberSession> sessionType() {
        return MemberSession.class;
    }

    @Override
    Principal principal(MemberSession session) {
        var member = session.member();
        return new Principal.MemberSessionUser(
                session.organizationId(),
                member.customer().id(),
                member.id(),
                member.role().managesBilling(),
                calling(session));
    }
}

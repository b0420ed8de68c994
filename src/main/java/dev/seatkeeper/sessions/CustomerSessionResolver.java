package dev.seatkeeper.sessions;

import dev.seatkeeper.security.Principal;
import dev.seatkeeper.security.TokenFormat;
import dev.seatkeeper.security.TokenResolver;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;

/** Resolves customer session tokens ({@code polar_cst_…}): the billing customer in the portal. */
// Its view is TokenResolver (the type the authentication filter looks resolvers up by), whatever it inherits.
@Stateless
@Local(TokenResolver.class)
public class CustomerSessionResolver extends SessionTokenResolver<CustomerSession> {
    @Override
    public String prefix() {
        return TokenFormat.CUSTOMER_SESSION;
    }

    @Override
    Class<CustomerSession> sessionType() {
        return CustomerSession.class;
    }

    @Override
    Principal principal(CustomerSession session) {
        return new Principal.CustomerSessionUser(
                session.organizationId(), session.customer().id(), calling(session));
    }
}

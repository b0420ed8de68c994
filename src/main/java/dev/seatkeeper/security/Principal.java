package dev.seatkeeper.security;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** Who a valid bearer token stands for. */
public sealed interface Principal {

    Scope.TokenKind kind();

    Set<Scope> scopes();

    /** Whoever runs the service: creates organizations and their access tokens. */
    record Operator() implements Principal {
        @Override
        public Scope.TokenKind kind() {
            return Scope.TokenKind.OPERATOR;
        }

        @Override
        public Set<Scope> scopes() {
            return Set.of(Scope.ORGANIZATIONS_WRITE, Scope.ORGANIZATION_ACCESS_TOKENS_WRITE);
        }
    }

    /** A merchant backend holding an organization access token. */
    record OrganizationToken(UUID organizationId, UUID tokenId, Set<Scope> scopes) implements Principal {
        @Override
        public Scope.TokenKind kind() {
            return Scope.TokenKind.ORGANIZATION;
        }
    }

    /** A portal user: a billing customer, or a member acting for its customer. */
    sealed interface PortalUser extends Principal {
        UUID organizationId();

        UUID customerId();

        /** The session the user is calling with, as read when its token was resolved. */
        CallingSession session();

        /** The id of the session the user is calling with. */
        default UUID sessionId() {
            return session().id();
        }

        /** Billing customers, owners and billing managers may manage seats; plain members may only look. */
        boolean managesBilling();

        @Override
        default Scope.TokenKind kind() {
            return Scope.TokenKind.PORTAL_SESSION;
        }

        @Override
        default Set<Scope> scopes() {
            return Set.of(Scope.CUSTOMER_PORTAL_READ, Scope.CUSTOMER_PORTAL_WRITE);
        }
    }

    /**
     * The portal session a portal user calls with: its id, when it expires (UTC) and the return URL it was made with
     * ({@code null} when none). Read with the token, so that the introspection route (Polar's
     * {@code customer_portal:customer-session:introspect}) answers without reading the session a second time.
     */
    record CallingSession(UUID id, OffsetDateTime expiresAt, String returnUrl) {}

    /** The billing customer itself, through a customer session. */
    record CustomerSessionUser(UUID organizationId, UUID customerId, CallingSession session) implements PortalUser {
        @Override
        public boolean managesBilling() {
            return true;
        }
    }

    /**
     * A member of a customer. {@code managesBilling} comes from the member's role (owners and billing managers),
     * decided by {@code customers.MemberRole} when the session is resolved.
     */
    record MemberSessionUser(
            UUID organizationId, UUID customerId, UUID memberId, boolean managesBilling, CallingSession session)
            implements PortalUser {}
}

package dev.seatkeeper.security;

import dev.seatkeeper.platform.NotPermitted;
import dev.seatkeeper.platform.Unauthorized;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * The authenticated caller of the current request, set by {@link AuthenticationFilter} before any resource runs.
 * Resources ask it for the organization or portal user they act for.
 */
@RequestScoped
public class Caller {
    private Principal principal;

    void authenticate(Principal principal) {
        this.principal = principal;
    }

    public Principal principal() {
        if (principal == null) {
            throw new IllegalStateException("No authenticated caller on this route");
        }
        return principal;
    }

    /** The organization whose access token made this call. */
    public UUID organizationId() {
        if (principal() instanceof Principal.OrganizationToken token) {
            return token.organizationId();
        }
        throw new IllegalStateException("Route is not an organization route: " + principal.kind());
    }

    public Principal.PortalUser portalUser() {
        if (principal() instanceof Principal.PortalUser user) {
            return user;
        }
        throw new IllegalStateException("Route is not a portal route: " + principal.kind());
    }

    /** A portal user who may manage seats, or Polar's 403 for a plain member. */
    public Principal.PortalUser billingManager() {
        var user = portalUser();
        if (!user.managesBilling()) {
            throw new NotPermitted("Only owners and billing managers can access billing features.");
        }
        return user;
    }

    /**
     * A member of role {@code owner} or {@code billing_manager} on the portal member routes (contract, "Members"):
     * a customer session is answered 401 {@link Unauthorized}, as Polar does, and a plain member 403
     * {@link NotPermitted}.
     *
     * @return the member session user
     */
    public Principal.MemberSessionUser managingMember() {
        if (!(portalUser() instanceof Principal.MemberSessionUser member)) {
            throw new Unauthorized();
        }
        if (!member.managesBilling()) {
            throw new NotPermitted("Only owners and billing managers can access billing features.");
        }
        return member;
    }
}

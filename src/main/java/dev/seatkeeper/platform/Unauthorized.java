package dev.seatkeeper.platform;

/**
 * 401 {@code {"error":"Unauthorized","detail":"Unauthorized"}} with {@code WWW-Authenticate: Bearer realm="polar"}: a
 * valid token of a kind the route does not serve, found after authentication (contract, "Members": a customer session
 * on the portal member routes, which Polar answers as if no credentials were given).
 */
public class Unauthorized extends DomainException {
    /** The challenge of Polar's 401, the same the authentication filter sends. */
    static final String CHALLENGE = "Bearer realm=\"polar\"";

    public Unauthorized() {
        super(Kind.UNAUTHENTICATED, "Unauthorized");
    }
}

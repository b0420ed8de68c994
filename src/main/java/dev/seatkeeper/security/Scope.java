package dev.seatkeeper.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * Polar's scope names. Each scope says which kind of token can hold it, which is how a route that declares
 * scopes also declares the token kinds it accepts.
 */
public enum Scope {
    ORGANIZATIONS_WRITE("organizations:write", TokenKind.OPERATOR),
    ORGANIZATION_ACCESS_TOKENS_WRITE("organization_access_tokens:write", TokenKind.OPERATOR),
    ORGANIZATIONS_READ("organizations:read", TokenKind.ORGANIZATION),
    CUSTOMERS_READ("customers:read", TokenKind.ORGANIZATION),
    CUSTOMERS_WRITE("customers:write", TokenKind.ORGANIZATION),
    MEMBERS_READ("members:read", TokenKind.ORGANIZATION),
    MEMBERS_WRITE("members:write", TokenKind.ORGANIZATION),
    PRODUCTS_READ("products:read", TokenKind.ORGANIZATION),
    PRODUCTS_WRITE("products:write", TokenKind.ORGANIZATION),
    SUBSCRIPTIONS_READ("subscriptions:read", TokenKind.ORGANIZATION),
    SUBSCRIPTIONS_WRITE("subscriptions:write", TokenKind.ORGANIZATION),
    ORDERS_READ("orders:read", TokenKind.ORGANIZATION),
    ORDERS_WRITE("orders:write", TokenKind.ORGANIZATION),
    CUSTOMER_SEATS_READ("customer_seats:read", TokenKind.ORGANIZATION),
    CUSTOMER_SEATS_WRITE("customer_seats:write", TokenKind.ORGANIZATION),
    CUSTOMER_SESSIONS_WRITE("customer_sessions:write", TokenKind.ORGANIZATION),
    WEBHOOKS_READ("webhooks:read", TokenKind.ORGANIZATION),
    WEBHOOKS_WRITE("webhooks:write", TokenKind.ORGANIZATION),
    /** Polar's scope of the Metrics API (seat metrics here). */
    METRICS_READ("metrics:read", TokenKind.ORGANIZATION),
    /** Beyond Polar: the audit trail's organization-wide reads (contract, "Beyond Polar: audit trail"). */
    AUDIT_READ("audit:read", TokenKind.ORGANIZATION),
    CUSTOMER_PORTAL_READ("customer_portal:read", TokenKind.PORTAL_SESSION),
    CUSTOMER_PORTAL_WRITE("customer_portal:write", TokenKind.PORTAL_SESSION);

    private final String wireName;
    private final TokenKind holder;

    Scope(String wireName, TokenKind holder) {
        this.wireName = wireName;
        this.holder = holder;
    }

    public String wireName() {
        return wireName;
    }

    public TokenKind holder() {
        return holder;
    }

    public static Optional<Scope> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    /** The kinds of bearer token the service knows. Customer and member sessions are both portal sessions. */
    public enum TokenKind {
        OPERATOR,
        ORGANIZATION,
        PORTAL_SESSION
    }
}

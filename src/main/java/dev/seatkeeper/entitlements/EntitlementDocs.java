package dev.seatkeeper.entitlements;

/** The OpenAPI descriptions the entitlement routes share. */
final class EntitlementDocs {
    static final String ISSUE = "Beyond Polar. A compact JWS (header alg EdDSA, typ seat-entitlement+jwt, kid) that"
            + " a merchant's app verifies offline with the organization's jwks.json. Claims: iss"
            + " ({SEATKEEPER_PUBLIC_URL}/v1/organizations/{organization_id}), sub (the holder's member id, else its"
            + " customer id), seat_id, subscription_id or order_id, product_id, organization_id, external_member_id"
            + " (or null), iat, nbf, exp (SEATKEEPER_ENTITLEMENT_TTL later, never past a known end of the seat), jti,"
            + " and status {status_list: {idx, uri}}: the seat's bit in the organization's seat-status-list, set when"
            + " the seat is revoked. Only for a claimed seat.";

    private EntitlementDocs() {}
}

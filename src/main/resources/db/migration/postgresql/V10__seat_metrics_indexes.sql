-- Seat metrics count in SQL (contract, "Beyond Polar: capacity signals, seat usage and seat metrics").

-- The pass over an organization's seats reads only these columns: an index-only scan (pages all-visible), without a
-- look-up of each row. It serves what the organization and creation time index of V8 served, which it replaces.
CREATE INDEX ix_seats_organization_metrics ON customer_seats (organization_id, created_at)
    INCLUDE (claimed_at, revoked_at, subscription_id, order_id);
DROP INDEX ix_seats_organization_created;

-- The revocations and the claims of a metrics window are read by these, not by a pass over every seat, each from the
-- index alone (the claims' medians check the invitation expiry of every claim in the window).
CREATE INDEX ix_seats_organization_revoked ON customer_seats (organization_id, revoked_at)
    INCLUDE (revocation_reason, subscription_id, order_id);
CREATE INDEX ix_seats_organization_claimed ON customer_seats (organization_id, claimed_at)
    INCLUDE (invitation_token_expires_at, created_at, subscription_id, order_id);

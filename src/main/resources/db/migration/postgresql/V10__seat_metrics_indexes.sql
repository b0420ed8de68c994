-- Seat metrics count in SQL (contract, "Beyond Polar: capacity signals, seat usage and seat metrics"): the revocations
-- and the claims of a metrics window are read by these, not by a pass over every seat of the organization.
CREATE INDEX ix_seats_organization_revoked ON customer_seats (organization_id, revoked_at);
CREATE INDEX ix_seats_organization_claimed ON customer_seats (organization_id, claimed_at);

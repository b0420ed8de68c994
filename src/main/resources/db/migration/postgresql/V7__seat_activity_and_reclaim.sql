-- Activity and reclaim of idle seats (contract, "Beyond Polar: activity and reclaim of idle seats").

-- The last activity reported for a seat (NULL until one is), and when an idle seat is reclaimed (NULL unless a
-- warning is pending).
ALTER TABLE customer_seats ADD COLUMN last_active_at timestamp without time zone;
ALTER TABLE customer_seats ADD COLUMN reclaim_at timestamp without time zone;
CREATE INDEX ix_seats_reclaim_at ON customer_seats (reclaim_at) WHERE reclaim_at IS NOT NULL;
-- The scheduler looks for idle and unclaimed seats one organization at a time.
CREATE INDEX ix_seats_organization_status ON customer_seats (organization_id, status);

-- The organization's policy, feature_settings.seat_reclaim; off for every existing organization.
ALTER TABLE organizations ADD COLUMN reclaim_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE organizations ADD COLUMN reclaim_inactive_after_days integer NOT NULL DEFAULT 30;
ALTER TABLE organizations ADD COLUMN reclaim_unclaimed_after_days integer;
ALTER TABLE organizations ADD COLUMN reclaim_warn_days_before integer NOT NULL DEFAULT 7;
ALTER TABLE organizations ADD COLUMN reclaim_exempt_roles character varying(64) NOT NULL DEFAULT 'owner,billing_manager';

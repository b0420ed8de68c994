-- Seat changes on a schedule (contract, "Beyond Polar: seat changes on a schedule").

-- When a pending or claimed seat is to be revoked (NULL = nothing scheduled), and why: scheduled (an instant),
-- period_end (the container's period end), expired (a time-boxed seat), released (a leaver of a scheduled decrease).
ALTER TABLE customer_seats ADD COLUMN revokes_at timestamp without time zone;
ALTER TABLE customer_seats ADD COLUMN revokes_reason character varying(16);
-- Why a revoked seat was revoked (contract, "revocation_reason"); every earlier revoke was a manual one.
ALTER TABLE customer_seats ADD COLUMN revocation_reason character varying(32);
UPDATE customer_seats SET revocation_reason = 'manual' WHERE status = 'REVOKED';
CREATE INDEX ix_seats_revokes_at ON customer_seats (revokes_at) WHERE revokes_at IS NOT NULL;

-- The period clock: cancel at the roll, and the pending seat change (Polar's PendingSubscriptionUpdate) it applies.
ALTER TABLE subscriptions ADD COLUMN cancel_at_period_end boolean NOT NULL DEFAULT false;
ALTER TABLE subscriptions ADD COLUMN pending_update_id character varying(36);
ALTER TABLE subscriptions ADD COLUMN pending_update_created_at timestamp without time zone;
ALTER TABLE subscriptions ADD COLUMN pending_seats integer;
ALTER TABLE subscriptions ADD COLUMN pending_release_strategy character varying(32);
CREATE INDEX ix_subscriptions_status_period_end ON subscriptions (status, current_period_end);

-- Seat metrics from counts kept as seats change (contract, "Beyond Polar: capacity signals, seat usage and seat
-- metrics"): a metrics request reads these counts, not every seat of the organization.

-- One row per change that moves a container's seat counts (a seat created, claimed, revoked while pending or while
-- claimed), written in the change's own transaction: an insert of its own row, so changes of one container never
-- wait for each other. at is the change's time cut down to its quarter hour (UTC), the grain every time zone's
-- period boundaries fall on. The scheduler folds these rows into seat_steps (dev.seatkeeper.usage.SeatStepFolding).
CREATE TABLE new_seat_steps (
    id uuid NOT NULL PRIMARY KEY,
    organization_id uuid NOT NULL,
    container_id uuid NOT NULL,
    recurring boolean NOT NULL,
    at timestamp without time zone NOT NULL,
    kind character varying(16) NOT NULL,
    reason character varying(32) NOT NULL
);

-- The folded counts: how many seats of a container were created, claimed or revoked (by reason) in a quarter hour.
-- recurring: the container is a subscription (else an order). reason is '' for kinds other than revocations.
CREATE TABLE seat_steps (
    organization_id uuid NOT NULL,
    container_id uuid NOT NULL,
    recurring boolean NOT NULL,
    at timestamp without time zone NOT NULL,
    kind character varying(16) NOT NULL,
    reason character varying(32) NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (organization_id, container_id, at, kind, reason)
);

-- The counts of the seats that exist already, as the folding would have left them.
INSERT INTO seat_steps (organization_id, container_id, recurring, at, kind, reason, n)
SELECT organization_id, container_id, recurring, at, kind, reason, COUNT(*) FROM (
    SELECT organization_id, COALESCE(subscription_id, order_id) AS container_id,
        subscription_id IS NOT NULL AS recurring,
        date_trunc('hour', created_at) + FLOOR(EXTRACT(MINUTE FROM created_at) / 15) * INTERVAL '15 minutes' AS at,
        'created' AS kind, '' AS reason
    FROM customer_seats
    UNION ALL
    SELECT organization_id, COALESCE(subscription_id, order_id), subscription_id IS NOT NULL,
        date_trunc('hour', claimed_at) + FLOOR(EXTRACT(MINUTE FROM claimed_at) / 15) * INTERVAL '15 minutes',
        'claimed', ''
    FROM customer_seats WHERE claimed_at IS NOT NULL
    UNION ALL
    SELECT organization_id, COALESCE(subscription_id, order_id), subscription_id IS NOT NULL,
        date_trunc('hour', revoked_at) + FLOOR(EXTRACT(MINUTE FROM revoked_at) / 15) * INTERVAL '15 minutes',
        CASE WHEN claimed_at IS NULL THEN 'revoked_pending' ELSE 'revoked_claimed' END,
        COALESCE(revocation_reason, 'manual')
    FROM customer_seats WHERE revoked_at IS NOT NULL
) s GROUP BY organization_id, container_id, recurring, at, kind, reason;

-- The claims the median time to claim counts (claims of an invitation; a seat claimed at its assign has none): their
-- claim time, NULL for every other seat, so that a window's claims of invitations are read without the immediate
-- claims beside them. It replaces V10's index of every claim, which only the medians read.
ALTER TABLE customer_seats ADD COLUMN invitation_claimed_at timestamp without time zone;
UPDATE customer_seats SET invitation_claimed_at = claimed_at
    WHERE claimed_at IS NOT NULL AND invitation_token_expires_at IS NOT NULL;
CREATE INDEX ix_seats_organization_invitation_claimed ON customer_seats (organization_id, invitation_claimed_at)
    INCLUDE (created_at, subscription_id, order_id);
DROP INDEX ix_seats_organization_claimed;

-- Capacity signals, seat usage and seat metrics (contract, "Beyond Polar: capacity signals, seat usage and seat
-- metrics").

-- The organization's capacity alert thresholds, percentages 1-100, comma-separated; NULL = the default 80,100.
ALTER TABLE organizations ADD COLUMN seat_capacity_alerts character varying(400);

-- The thresholds a container has reached and not yet fallen 5 points below: a row per event type and threshold,
-- present from the crossing that recorded the event until usage falls far enough to re-arm it.
CREATE TABLE seat_capacity_crossings (
    container_id uuid NOT NULL,
    event_type character varying(64) NOT NULL,
    threshold integer NOT NULL,
    reached_at timestamp without time zone NOT NULL,
    PRIMARY KEY (container_id, event_type, threshold)
);

-- Every change of a container's seat count (PATCH at once, or a pending change applied at the roll): the usage
-- ledger's "seats" at any past instant. Before a container's first change its count is that change's previous_seats.
CREATE TABLE seat_count_changes (
    id uuid NOT NULL PRIMARY KEY,
    container_id uuid NOT NULL,
    organization_id uuid NOT NULL,
    changed_at timestamp without time zone NOT NULL,
    previous_seats integer NOT NULL,
    seats integer NOT NULL
);
CREATE INDEX ix_seat_count_changes_container ON seat_count_changes (container_id, changed_at);

-- Seat metrics read one organization's seats by creation time (the ledger reads a container's through the
-- container indexes).
CREATE INDEX ix_seats_organization_created ON customer_seats (organization_id, created_at);

-- Capacity signals, seat usage and seat metrics (contract, "Beyond Polar: capacity signals, seat usage and seat
-- metrics").

-- The organization's capacity alert thresholds, percentages 1-100, comma-separated; NULL = the default 80,100.
ALTER TABLE "ORGANIZATIONS" ADD COLUMN "SEAT_CAPACITY_ALERTS" CHARACTER VARYING(400);

-- The thresholds a container has reached and not yet fallen 5 points below: a row per event type and threshold,
-- present from the crossing that recorded the event until usage falls far enough to re-arm it.
CREATE TABLE "SEAT_CAPACITY_CROSSINGS"(
    "CONTAINER_ID" CHARACTER VARYING NOT NULL,
    "EVENT_TYPE" CHARACTER VARYING(64) NOT NULL,
    "THRESHOLD" INTEGER NOT NULL,
    "REACHED_AT" TIMESTAMP NOT NULL
);
ALTER TABLE "SEAT_CAPACITY_CROSSINGS" ADD PRIMARY KEY("CONTAINER_ID", "EVENT_TYPE", "THRESHOLD");

-- Every change of a container's seat count (PATCH at once, or a pending change applied at the roll): the usage
-- ledger's "seats" at any past instant. Before a container's first change its count is that change's previous_seats.
CREATE TABLE "SEAT_COUNT_CHANGES"(
    "ID" CHARACTER VARYING NOT NULL,
    "CONTAINER_ID" CHARACTER VARYING NOT NULL,
    "ORGANIZATION_ID" CHARACTER VARYING NOT NULL,
    "CHANGED_AT" TIMESTAMP NOT NULL,
    "PREVIOUS_SEATS" INTEGER NOT NULL,
    "SEATS" INTEGER NOT NULL
);
ALTER TABLE "SEAT_COUNT_CHANGES" ADD PRIMARY KEY("ID");
CREATE INDEX "IX_SEAT_COUNT_CHANGES_CONTAINER" ON "SEAT_COUNT_CHANGES"("CONTAINER_ID", "CHANGED_AT");

-- Seat metrics read one organization's seats by creation time (the ledger reads a container's through the
-- container indexes).
CREATE INDEX "IX_SEATS_ORGANIZATION_CREATED" ON "CUSTOMER_SEATS"("ORGANIZATION_ID", "CREATED_AT");

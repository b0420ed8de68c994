-- Each seat's last reported activity in a narrow table of its own (contract, "Beyond Polar: activity and reclaim of
-- idle seats"). An application reporting its users writes one seat's time about once a minute; rewriting the wide,
-- much indexed CUSTOMER_SEATS row for it cost H2 several times what the claims running beside it cost (README,
-- "Performance", the activity line). A seat has a row from its first report on: until then its time is NULL, and no
-- seat operation but the activity route and the reads of the time touch this table (dev.seatkeeper.seats.SeatActivity).
-- Seats are never deleted.
CREATE TABLE "SEAT_ACTIVITY"(
    "SEAT_ID" CHARACTER VARYING NOT NULL,
    "LAST_ACTIVE_AT" TIMESTAMP NOT NULL
);
INSERT INTO "SEAT_ACTIVITY"("SEAT_ID", "LAST_ACTIVE_AT")
    SELECT "ID", "LAST_ACTIVE_AT" FROM "CUSTOMER_SEATS" WHERE "LAST_ACTIVE_AT" IS NOT NULL;
ALTER TABLE "SEAT_ACTIVITY" ADD PRIMARY KEY("SEAT_ID");
ALTER TABLE "SEAT_ACTIVITY" ADD CONSTRAINT "FK_SEAT_ACTIVITY_SEAT" FOREIGN KEY("SEAT_ID")
    REFERENCES "CUSTOMER_SEATS"("ID");
ALTER TABLE "CUSTOMER_SEATS" DROP COLUMN "LAST_ACTIVE_AT";
-- The activity route reads each seat a batch names by id for its organization, status and pending reclaim. H2 reads
-- a row through an index that holds every column the query asks for without reading the row itself (a covering
-- index, which its planner prefers); the wide rows of the 1,000 seats of a batch crowded the pages of everything else
-- out of H2's page cache. PostgreSQL needs no such index (its activity line meets its target without one).
CREATE INDEX "IX_SEATS_ID_STATE" ON "CUSTOMER_SEATS"("ID", "ORGANIZATION_ID", "STATUS", "RECLAIM_AT");

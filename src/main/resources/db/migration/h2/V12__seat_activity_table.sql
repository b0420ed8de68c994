-- Each seat's last reported activity in a narrow table of its own (contract, "Beyond Polar: activity and reclaim of
-- idle seats"). An application reporting its users writes one seat's time about once a minute; written to the wide,
-- much indexed CUSTOMER_SEATS row that cost H2 ten to thirty times what the same write costs here (README,
-- "Performance", the activity line). One row per seat, from the seat's creation: the service reads the time with the
-- seat (a secondary table of dev.seatkeeper.seats.CustomerSeat). Seats are never deleted.
CREATE TABLE "SEAT_ACTIVITY"(
    "SEAT_ID" CHARACTER VARYING NOT NULL,
    "LAST_ACTIVE_AT" TIMESTAMP
);
INSERT INTO "SEAT_ACTIVITY"("SEAT_ID", "LAST_ACTIVE_AT") SELECT "ID", "LAST_ACTIVE_AT" FROM "CUSTOMER_SEATS";
ALTER TABLE "SEAT_ACTIVITY" ADD PRIMARY KEY("SEAT_ID");
ALTER TABLE "SEAT_ACTIVITY" ADD CONSTRAINT "FK_SEAT_ACTIVITY_SEAT" FOREIGN KEY("SEAT_ID")
    REFERENCES "CUSTOMER_SEATS"("ID");
ALTER TABLE "CUSTOMER_SEATS" DROP COLUMN "LAST_ACTIVE_AT";

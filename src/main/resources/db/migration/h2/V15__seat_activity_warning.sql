-- Each activity row also says whether its seat has an inactivity warning pending (contract, "Beyond Polar: activity
-- and reclaim of idle seats"), so that the activity route judges a reported seat whose time a batch moves from this
-- narrow row too, and writes the new time without reading CUSTOMER_SEATS: looking those seats up there read about
-- two pages of the file per seat beside the claims (README, "The activity line, measured"). WARNED follows
-- CUSTOMER_SEATS.RECLAIM_AT: set where the scheduler warns the seat, cleared where it withdraws the warning or a report
-- clears it (dev.seatkeeper.reclaim), each under the seat's row lock. A revoked seat's row keeps the flag it had:
-- REVOKED decides first.
ALTER TABLE "SEAT_ACTIVITY" ADD COLUMN "WARNED" BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE "SEAT_ACTIVITY" A SET "WARNED" = TRUE
    WHERE EXISTS(SELECT 1 FROM "CUSTOMER_SEATS" S WHERE S."ID" = A."SEAT_ID" AND S."RECLAIM_AT" IS NOT NULL);

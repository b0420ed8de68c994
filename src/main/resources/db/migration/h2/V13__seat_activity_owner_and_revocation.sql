-- Each activity row carries its seat's organization and whether the seat is revoked (contract, "Beyond Polar:
-- activity and reclaim of idle seats"), so that the activity route judges a report of an already reported seat from
-- this narrow row alone: most reports of a steady stream fall within the minute of the stored time and write nothing,
-- and looking each of a batch's seats up in CUSTOMER_SEATS as well read hundreds of index pages per batch from the
-- file (README, "Performance", the activity line). The organization never changes; REVOKED is set in the same
-- transaction that revokes the seat (dev.seatkeeper.seats.SeatRevoker) and never cleared, as a revoked seat stays so.
ALTER TABLE "SEAT_ACTIVITY" ADD COLUMN "ORGANIZATION_ID" CHARACTER VARYING;
ALTER TABLE "SEAT_ACTIVITY" ADD COLUMN "REVOKED" BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE "SEAT_ACTIVITY" A SET
    "ORGANIZATION_ID" = (SELECT S."ORGANIZATION_ID" FROM "CUSTOMER_SEATS" S WHERE S."ID" = A."SEAT_ID"),
    "REVOKED" = (SELECT S."STATUS" = 'REVOKED' FROM "CUSTOMER_SEATS" S WHERE S."ID" = A."SEAT_ID");
ALTER TABLE "SEAT_ACTIVITY" ALTER COLUMN "ORGANIZATION_ID" SET NOT NULL;

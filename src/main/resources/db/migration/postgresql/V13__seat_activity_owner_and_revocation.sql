-- Each activity row carries its seat's organization and whether the seat is revoked (contract, "Beyond Polar:
-- activity and reclaim of idle seats"), so that the activity route judges a report of an already reported seat from
-- this narrow row alone: most reports of a steady stream fall within the minute of the stored time and write nothing,
-- and looking each of a batch's seats up in customer_seats as well read hundreds of index pages per batch (README,
-- "Performance", the activity line). The organization never changes; revoked is set in the same transaction that
-- revokes the seat (dev.seatkeeper.seats.SeatRevoker) and never cleared, as a revoked seat stays so.
ALTER TABLE seat_activity ADD COLUMN organization_id uuid;
ALTER TABLE seat_activity ADD COLUMN revoked boolean NOT NULL DEFAULT false;
UPDATE seat_activity a SET organization_id = s.organization_id, revoked = (s.status = 'REVOKED')
    FROM customer_seats s WHERE s.id = a.seat_id;
ALTER TABLE seat_activity ALTER COLUMN organization_id SET NOT NULL;

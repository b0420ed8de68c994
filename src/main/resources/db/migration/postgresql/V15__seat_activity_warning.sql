-- Each activity row also says whether its seat has an inactivity warning pending (contract, "Beyond Polar: activity
-- and reclaim of idle seats"), so that the activity route judges a reported seat whose time a batch moves from this
-- narrow row too, without looking it up in customer_seats (README, "The activity line, measured"). warned follows
-- customer_seats.reclaim_at: set where the scheduler warns the seat, cleared where it withdraws the warning or a report
-- clears it (dev.seatkeeper.reclaim), each under the seat's row lock. A revoked seat's row keeps the flag it had:
-- revoked decides first.
ALTER TABLE seat_activity ADD COLUMN warned boolean NOT NULL DEFAULT false;
UPDATE seat_activity a SET warned = true
    FROM customer_seats s WHERE s.id = a.seat_id AND s.reclaim_at IS NOT NULL;

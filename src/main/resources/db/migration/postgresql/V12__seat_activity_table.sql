-- Each seat's last reported activity in a narrow table of its own (contract, "Beyond Polar: activity and reclaim of
-- idle seats"). An application reporting its users writes one seat's time about once a minute; a narrow row is
-- cheaper to rewrite than the wide, much indexed customer_seats row (README, "Performance", the activity line). One
-- row per seat, from the seat's creation: the service reads the time with the seat (a secondary table of
-- dev.seatkeeper.seats.CustomerSeat). Seats are never deleted.
CREATE TABLE seat_activity (
    seat_id uuid NOT NULL,
    last_active_at timestamp without time zone
-- Room left in each page, so that PostgreSQL rewrites a row in its own page (no index holds the time).
) WITH (fillfactor = 70);
INSERT INTO seat_activity (seat_id, last_active_at) SELECT id, last_active_at FROM customer_seats;
ALTER TABLE seat_activity ADD PRIMARY KEY (seat_id);
ALTER TABLE seat_activity ADD CONSTRAINT fk_seat_activity_seat FOREIGN KEY (seat_id) REFERENCES customer_seats (id);
ALTER TABLE customer_seats DROP COLUMN last_active_at;

-- Each seat's last reported activity in a narrow table of its own (contract, "Beyond Polar: activity and reclaim of
-- idle seats"). An application reporting its users writes one seat's time about once a minute; rewriting the wide,
-- much indexed customer_seats row for it cost H2 several times what the claims running beside it cost (README,
-- "Performance", the activity line), and PostgreSQL a new version of that wide row. A seat has a row from its first
-- report on: until then its time is NULL, and no seat operation but the activity route and the reads of the time
-- touch this table (dev.seatkeeper.seats.SeatActivity). Seats are never deleted.
CREATE TABLE seat_activity (
    seat_id uuid NOT NULL,
    last_active_at timestamp without time zone NOT NULL
-- Room left in each page, so that PostgreSQL rewrites a row in its own page (no index holds the time).
) WITH (fillfactor = 70);
INSERT INTO seat_activity (seat_id, last_active_at)
    SELECT id, last_active_at FROM customer_seats WHERE last_active_at IS NOT NULL;
ALTER TABLE seat_activity ADD PRIMARY KEY (seat_id);
ALTER TABLE seat_activity ADD CONSTRAINT fk_seat_activity_seat FOREIGN KEY (seat_id) REFERENCES customer_seats (id);
ALTER TABLE customer_seats DROP COLUMN last_active_at;

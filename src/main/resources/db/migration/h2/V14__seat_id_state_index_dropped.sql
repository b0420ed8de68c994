-- V12's covering index on customer_seats (id, organization_id, status, reclaim_at) served the activity route, which read
-- every seat a batch named from customer_seats. Since V13 the route judges a reported seat from its seat_activity row and
-- reads customer_seats only for the few seats that are new to it or whose time moves; measured with and without the
-- index (README, "The activity line, measured"), the activity line is the same, while every claim, revocation and
-- assignment wrote one more index entry for it.
DROP INDEX "IX_SEATS_ID_STATE";

-- Seat metrics count in SQL (contract, "Beyond Polar: capacity signals, seat usage and seat metrics"): the revocations
-- and the claims of a metrics window are read by these, not by a pass over every seat of the organization.
CREATE INDEX "IX_SEATS_ORGANIZATION_REVOKED" ON "CUSTOMER_SEATS"("ORGANIZATION_ID", "REVOKED_AT");
CREATE INDEX "IX_SEATS_ORGANIZATION_CLAIMED" ON "CUSTOMER_SEATS"("ORGANIZATION_ID", "CLAIMED_AT");

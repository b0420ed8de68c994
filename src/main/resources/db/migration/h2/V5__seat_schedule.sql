-- Seat changes on a schedule (contract, "Beyond Polar: seat changes on a schedule").

-- When a pending or claimed seat is to be revoked (NULL = nothing scheduled), and why: scheduled (an instant),
-- period_end (the container's period end), expired (a time-boxed seat), released (a leaver of a scheduled decrease).
ALTER TABLE "CUSTOMER_SEATS" ADD COLUMN "REVOKES_AT" TIMESTAMP;
ALTER TABLE "CUSTOMER_SEATS" ADD COLUMN "REVOKES_REASON" CHARACTER VARYING(16);
-- Why a revoked seat was revoked (contract, "revocation_reason"); every earlier revoke was a manual one.
ALTER TABLE "CUSTOMER_SEATS" ADD COLUMN "REVOCATION_REASON" CHARACTER VARYING(32);
UPDATE "CUSTOMER_SEATS" SET "REVOCATION_REASON" = 'manual' WHERE "STATUS" = 'REVOKED';
CREATE INDEX "IX_SEATS_REVOKES_AT" ON "CUSTOMER_SEATS"("REVOKES_AT");

-- The period clock: cancel at the roll, and the pending seat change (Polar's PendingSubscriptionUpdate) it applies.
ALTER TABLE "SUBSCRIPTIONS" ADD COLUMN "CANCEL_AT_PERIOD_END" BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE "SUBSCRIPTIONS" ADD COLUMN "PENDING_UPDATE_ID" CHARACTER VARYING(36);
ALTER TABLE "SUBSCRIPTIONS" ADD COLUMN "PENDING_UPDATE_CREATED_AT" TIMESTAMP;
ALTER TABLE "SUBSCRIPTIONS" ADD COLUMN "PENDING_SEATS" INTEGER;
ALTER TABLE "SUBSCRIPTIONS" ADD COLUMN "PENDING_RELEASE_STRATEGY" CHARACTER VARYING(32);
CREATE INDEX "IX_SUBSCRIPTIONS_STATUS_PERIOD_END" ON "SUBSCRIPTIONS"("STATUS", "CURRENT_PERIOD_END");

-- Polar 2026-10 (contract, "Events (webhooks)"): every endpoint and every WebhookEvent has an API version, and an
-- endpoint says whether its secret has the Standard Webhooks format. Endpoints made before this release keep their
-- secret, signed the legacy way alone, and the payload shape they received (2026-04); so do their events.
ALTER TABLE "WEBHOOK_ENDPOINTS" ADD COLUMN "API_VERSION" CHARACTER VARYING(16) DEFAULT '2026-04' NOT NULL;
ALTER TABLE "WEBHOOK_ENDPOINTS" ADD COLUMN "USES_STANDARD_WEBHOOK_SIGNATURE" BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE "WEBHOOK_EVENTS" ADD COLUMN "API_VERSION" CHARACTER VARYING(16) DEFAULT '2026-04' NOT NULL;
-- The defaults were for the rows above only: the application sets each value itself.
ALTER TABLE "WEBHOOK_ENDPOINTS" ALTER COLUMN "API_VERSION" DROP DEFAULT;
ALTER TABLE "WEBHOOK_ENDPOINTS" ALTER COLUMN "USES_STANDARD_WEBHOOK_SIGNATURE" DROP DEFAULT;
ALTER TABLE "WEBHOOK_EVENTS" ALTER COLUMN "API_VERSION" DROP DEFAULT;

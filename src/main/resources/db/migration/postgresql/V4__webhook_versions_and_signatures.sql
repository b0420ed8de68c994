-- Polar 2026-10 (contract, "Events (webhooks)"): every endpoint and every WebhookEvent has an API version, and an
-- endpoint says whether its secret has the Standard Webhooks format. Endpoints made before this release keep their
-- secret, signed the legacy way alone, and the payload shape they received (2026-04); so do their events.
ALTER TABLE webhook_endpoints ADD COLUMN api_version character varying(16) NOT NULL DEFAULT '2026-04';
ALTER TABLE webhook_endpoints ADD COLUMN uses_standard_webhook_signature boolean NOT NULL DEFAULT false;
ALTER TABLE webhook_events ADD COLUMN api_version character varying(16) NOT NULL DEFAULT '2026-04';
-- The defaults were for the rows above only: the application sets each value itself.
ALTER TABLE webhook_endpoints ALTER COLUMN api_version DROP DEFAULT;
ALTER TABLE webhook_endpoints ALTER COLUMN uses_standard_webhook_signature DROP DEFAULT;
ALTER TABLE webhook_events ALTER COLUMN api_version DROP DEFAULT;

-- Seat lifecycle (contract, "Beyond Polar: seat lifecycle"): the organization's e-mail domain policy, and the
-- responses of requests made with an Idempotency-Key.

-- Allowed seat e-mail domains, lower case, comma-separated; NULL = any domain.
ALTER TABLE "ORGANIZATIONS" ADD COLUMN "SEAT_EMAIL_DOMAINS" CHARACTER VARYING(4000);

-- One row per caller and key, inserted (and committed) before the request acts; the response is written once it is
-- known. RESPONSE_STATUS NULL = still in flight. The body is compressed and sealed (AES-GCM): it may hold an invitation
-- token. Not a LOB: Hibernate maps a LOB string to an oid on PostgreSQL, and the compressed body fits.
CREATE TABLE "IDEMPOTENCY_KEYS"(
    "ID" CHARACTER VARYING NOT NULL PRIMARY KEY,
    "CREATED_AT" TIMESTAMP NOT NULL,
    "MODIFIED_AT" TIMESTAMP,
    "EXPIRES_AT" TIMESTAMP NOT NULL,
    "CALLER" CHARACTER VARYING(128) NOT NULL,
    "IDEMPOTENCY_KEY" CHARACTER VARYING(255) NOT NULL,
    "REQUEST_HASH" CHARACTER VARYING(64) NOT NULL,
    "RESPONSE_STATUS" INTEGER,
    "RESPONSE_SEALED" CHARACTER VARYING(1000000)
);
ALTER TABLE "IDEMPOTENCY_KEYS" ADD CONSTRAINT "UQ_IDEMPOTENCY_KEYS_CALLER_KEY" UNIQUE("CALLER", "IDEMPOTENCY_KEY");
CREATE INDEX "IX_IDEMPOTENCY_KEYS_EXPIRES_AT" ON "IDEMPOTENCY_KEYS"("EXPIRES_AT");

-- Seat lifecycle (contract, "Beyond Polar: seat lifecycle"): the organization's e-mail domain policy, and the
-- responses of requests made with an Idempotency-Key.

-- Allowed seat e-mail domains, lower case, comma-separated; NULL = any domain.
ALTER TABLE organizations ADD COLUMN seat_email_domains character varying(4000);

-- One row per caller and key, inserted (and committed) before the request acts; the response is written once it is
-- known. response_status NULL = still in flight. The body is compressed and sealed (AES-GCM): it may hold an invitation
-- token.
CREATE TABLE idempotency_keys (
    id uuid NOT NULL PRIMARY KEY,
    created_at timestamp without time zone NOT NULL,
    modified_at timestamp without time zone,
    expires_at timestamp without time zone NOT NULL,
    caller character varying(128) NOT NULL,
    idempotency_key character varying(255) NOT NULL,
    request_hash character varying(64) NOT NULL,
    response_status integer,
    response_sealed text
);
ALTER TABLE idempotency_keys ADD CONSTRAINT uq_idempotency_keys_caller_key UNIQUE (caller, idempotency_key);
CREATE INDEX ix_idempotency_keys_expires_at ON idempotency_keys USING btree (expires_at);

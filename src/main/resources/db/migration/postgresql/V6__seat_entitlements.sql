-- Offline seat entitlements (contract, "Beyond Polar: offline seat entitlements"): per organization, a key ring (the
-- row that serializes key rotation and hands out status-list indexes), its Ed25519 signing keys (the private half
-- sealed with SEATKEEPER_SECRET), and each seat's index in the organization's Token Status List with the time its
-- bit was set (the seat's revoke).
CREATE TABLE entitlement_key_rings (
    id uuid NOT NULL PRIMARY KEY,
    created_at timestamp without time zone NOT NULL,
    modified_at timestamp without time zone,
    organization_id uuid NOT NULL,
    next_status_index integer NOT NULL,
    CONSTRAINT uq_entitlement_key_rings_organization UNIQUE (organization_id)
);

CREATE TABLE entitlement_keys (
    id uuid NOT NULL PRIMARY KEY,
    created_at timestamp without time zone NOT NULL,
    modified_at timestamp without time zone,
    organization_id uuid NOT NULL,
    kid character varying(64) NOT NULL,
    public_x character varying(64) NOT NULL,
    private_d_sealed character varying(256) NOT NULL,
    signs_from timestamp without time zone NOT NULL,
    revoked_at timestamp without time zone,
    CONSTRAINT uq_entitlement_keys_kid UNIQUE (kid)
);
CREATE INDEX ix_entitlement_keys_organization ON entitlement_keys (organization_id, signs_from);

CREATE TABLE seat_status_entries (
    seat_id uuid NOT NULL PRIMARY KEY,
    organization_id uuid NOT NULL,
    status_index integer NOT NULL,
    created_at timestamp without time zone NOT NULL,
    revoked_at timestamp without time zone,
    CONSTRAINT uq_seat_status_entries_index UNIQUE (organization_id, status_index)
);
CREATE INDEX ix_seat_status_entries_revoked ON seat_status_entries (organization_id, revoked_at);

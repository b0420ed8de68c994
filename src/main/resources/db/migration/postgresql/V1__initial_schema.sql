-- Seatkeeper's first schema, on PostgreSQL: exactly what JPA schema generation (EclipseLink 4.0 on Payara Micro) created
-- up to commit 5f105a4 (pg_dump --schema-only of that release's database on PostgreSQL 15, schema qualifiers left
-- out). A database created by that release already has it and is baselined at version 1 instead.
-- EclipseLink stores UUIDs as uuid and OffsetDateTime (always UTC) as timestamp without time zone.

CREATE TABLE customer_seats (
    id uuid NOT NULL,
    claimed_at timestamp without time zone,
    created_at timestamp without time zone NOT NULL,
    email character varying(320),
    email_key character varying(320),
    invitation_token_expires_at timestamp without time zone,
    invitation_token_hash character varying(64),
    modified_at timestamp without time zone,
    organization_id uuid NOT NULL,
    revoked_at timestamp without time zone,
    seat_metadata character varying(2000),
    status character varying(16) NOT NULL,
    customer_id uuid,
    member_id uuid,
    order_id uuid,
    subscription_id uuid
);

CREATE TABLE customer_sessions (
    id uuid NOT NULL,
    created_at timestamp without time zone NOT NULL,
    expires_at timestamp without time zone NOT NULL,
    modified_at timestamp without time zone,
    organization_id uuid NOT NULL,
    return_url character varying(2048),
    token_hash character varying(64) NOT NULL,
    customer_id uuid NOT NULL
);

CREATE TABLE customers (
    id uuid NOT NULL,
    created_at timestamp without time zone NOT NULL,
    email character varying(320) NOT NULL,
    email_key character varying(320) NOT NULL,
    external_id character varying(256),
    metadata character varying(32000) NOT NULL,
    modified_at timestamp without time zone,
    name character varying(256),
    organization_id uuid NOT NULL,
    type character varying(16) NOT NULL
);

CREATE TABLE events (
    id uuid NOT NULL,
    created_at timestamp without time zone NOT NULL,
    dispatched_at timestamp without time zone,
    organization_id uuid NOT NULL,
    payload character varying(16000) NOT NULL,
    type character varying(64) NOT NULL
);

CREATE TABLE member_sessions (
    id uuid NOT NULL,
    created_at timestamp without time zone NOT NULL,
    expires_at timestamp without time zone NOT NULL,
    modified_at timestamp without time zone,
    organization_id uuid NOT NULL,
    return_url character varying(2048),
    token_hash character varying(64) NOT NULL,
    member_id uuid NOT NULL
);

CREATE TABLE members (
    id uuid NOT NULL,
    created_at timestamp without time zone NOT NULL,
    email character varying(320) NOT NULL,
    email_key character varying(320) NOT NULL,
    external_id character varying(256),
    modified_at timestamp without time zone,
    name character varying(256),
    organization_id uuid NOT NULL,
    role character varying(32) NOT NULL,
    customer_id uuid NOT NULL
);

CREATE TABLE orders (
    id uuid NOT NULL,
    amount bigint NOT NULL,
    created_at timestamp without time zone NOT NULL,
    currency character varying(3) NOT NULL,
    metadata character varying(32000) NOT NULL,
    modified_at timestamp without time zone,
    organization_id uuid NOT NULL,
    seats integer NOT NULL,
    status character varying(32) NOT NULL,
    customer_id uuid NOT NULL,
    product_id uuid NOT NULL
);

CREATE TABLE organization_access_tokens (
    id uuid NOT NULL,
    comment character varying(1000) NOT NULL,
    created_at timestamp without time zone NOT NULL,
    expires_at timestamp without time zone,
    last_used_at timestamp without time zone,
    modified_at timestamp without time zone,
    organization_id uuid NOT NULL,
    scopes character varying(2000) NOT NULL,
    token_hash character varying(64) NOT NULL
);

CREATE TABLE organizations (
    id uuid NOT NULL,
    created_at timestamp without time zone NOT NULL,
    member_model_enabled boolean NOT NULL,
    modified_at timestamp without time zone,
    name character varying(255) NOT NULL,
    seat_based_pricing_enabled boolean NOT NULL,
    slug character varying(255) NOT NULL
);

CREATE TABLE products (
    id uuid NOT NULL,
    is_archived boolean NOT NULL,
    created_at timestamp without time zone NOT NULL,
    description character varying(8000),
    metadata character varying(32000) NOT NULL,
    modified_at timestamp without time zone,
    name character varying(256) NOT NULL,
    organization_id uuid NOT NULL,
    price_currency character varying(3) NOT NULL,
    price_id uuid NOT NULL,
    recurring_interval character varying(16),
    seat_tiers character varying(4000) NOT NULL
);

CREATE TABLE subscriptions (
    id uuid NOT NULL,
    amount bigint NOT NULL,
    canceled_at timestamp without time zone,
    created_at timestamp without time zone NOT NULL,
    currency character varying(3) NOT NULL,
    current_period_end timestamp without time zone,
    current_period_start timestamp without time zone NOT NULL,
    ended_at timestamp without time zone,
    ends_at timestamp without time zone,
    metadata character varying(32000) NOT NULL,
    modified_at timestamp without time zone,
    organization_id uuid NOT NULL,
    recurring_interval character varying(16) NOT NULL,
    seats integer NOT NULL,
    started_at timestamp without time zone,
    status character varying(32) NOT NULL,
    customer_id uuid NOT NULL,
    product_id uuid NOT NULL
);

ALTER TABLE customer_seats
    ADD CONSTRAINT customer_seats_pkey PRIMARY KEY (id);

ALTER TABLE customer_sessions
    ADD CONSTRAINT customer_sessions_pkey PRIMARY KEY (id);

ALTER TABLE customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);

ALTER TABLE events
    ADD CONSTRAINT events_pkey PRIMARY KEY (id);

ALTER TABLE member_sessions
    ADD CONSTRAINT member_sessions_pkey PRIMARY KEY (id);

ALTER TABLE members
    ADD CONSTRAINT members_pkey PRIMARY KEY (id);

ALTER TABLE orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);

ALTER TABLE organization_access_tokens
    ADD CONSTRAINT organization_access_tokens_pkey PRIMARY KEY (id);

ALTER TABLE organizations
    ADD CONSTRAINT organizations_pkey PRIMARY KEY (id);

ALTER TABLE products
    ADD CONSTRAINT products_pkey PRIMARY KEY (id);

ALTER TABLE subscriptions
    ADD CONSTRAINT subscriptions_pkey PRIMARY KEY (id);

ALTER TABLE customers
    ADD CONSTRAINT uq_customers_email UNIQUE (organization_id, email_key);

ALTER TABLE customers
    ADD CONSTRAINT uq_customers_external_id UNIQUE (organization_id, external_id);

ALTER TABLE members
    ADD CONSTRAINT uq_members_customer_email UNIQUE (customer_id, email_key);

ALTER TABLE organizations
    ADD CONSTRAINT uq_organizations_slug UNIQUE (slug);
CREATE INDEX ix_customer_sessions_customer ON customer_sessions USING btree (customer_id);
CREATE UNIQUE INDEX ix_customer_sessions_token_hash ON customer_sessions USING btree (token_hash);
CREATE INDEX ix_customers_organization_created ON customers USING btree (organization_id, created_at);
CREATE INDEX ix_events_organization ON events USING btree (organization_id, created_at);
CREATE INDEX ix_events_undispatched ON events USING btree (dispatched_at, created_at);
CREATE INDEX ix_member_sessions_member ON member_sessions USING btree (member_id);
CREATE UNIQUE INDEX ix_member_sessions_token_hash ON member_sessions USING btree (token_hash);
CREATE INDEX ix_members_external_id ON members USING btree (organization_id, external_id);
CREATE INDEX ix_members_organization ON members USING btree (organization_id, created_at);
CREATE INDEX ix_oat_organization ON organization_access_tokens USING btree (organization_id);
CREATE UNIQUE INDEX ix_oat_token_hash ON organization_access_tokens USING btree (token_hash);
CREATE INDEX ix_orders_customer ON orders USING btree (customer_id);
CREATE INDEX ix_orders_organization_created ON orders USING btree (organization_id, created_at);
CREATE INDEX ix_products_organization_created ON products USING btree (organization_id, created_at);
CREATE INDEX ix_seats_customer_status ON customer_seats USING btree (customer_id, status);
CREATE UNIQUE INDEX ix_seats_invitation_token_hash ON customer_seats USING btree (invitation_token_hash);
CREATE INDEX ix_seats_member_status ON customer_seats USING btree (member_id, status);
CREATE INDEX ix_seats_order_email ON customer_seats USING btree (order_id, email_key);
CREATE INDEX ix_seats_order_status ON customer_seats USING btree (order_id, status);
CREATE INDEX ix_seats_subscription_email ON customer_seats USING btree (subscription_id, email_key);
CREATE INDEX ix_seats_subscription_status ON customer_seats USING btree (subscription_id, status);
CREATE INDEX ix_subscriptions_customer ON subscriptions USING btree (customer_id);
CREATE INDEX ix_subscriptions_organization_created ON subscriptions USING btree (organization_id, created_at);

ALTER TABLE customer_seats
    ADD CONSTRAINT fk_customer_seats_customer_id FOREIGN KEY (customer_id) REFERENCES customers(id);

ALTER TABLE customer_seats
    ADD CONSTRAINT fk_customer_seats_member_id FOREIGN KEY (member_id) REFERENCES members(id);

ALTER TABLE customer_seats
    ADD CONSTRAINT fk_customer_seats_order_id FOREIGN KEY (order_id) REFERENCES orders(id);

ALTER TABLE customer_seats
    ADD CONSTRAINT fk_customer_seats_subscription_id FOREIGN KEY (subscription_id) REFERENCES subscriptions(id);

ALTER TABLE customer_sessions
    ADD CONSTRAINT fk_customer_sessions_customer_id FOREIGN KEY (customer_id) REFERENCES customers(id);

ALTER TABLE member_sessions
    ADD CONSTRAINT fk_member_sessions_member_id FOREIGN KEY (member_id) REFERENCES members(id);

ALTER TABLE members
    ADD CONSTRAINT fk_members_customer_id FOREIGN KEY (customer_id) REFERENCES customers(id);

ALTER TABLE orders
    ADD CONSTRAINT fk_orders_customer_id FOREIGN KEY (customer_id) REFERENCES customers(id);

ALTER TABLE orders
    ADD CONSTRAINT fk_orders_product_id FOREIGN KEY (product_id) REFERENCES products(id);

ALTER TABLE subscriptions
    ADD CONSTRAINT fk_subscriptions_customer_id FOREIGN KEY (customer_id) REFERENCES customers(id);

ALTER TABLE subscriptions
    ADD CONSTRAINT fk_subscriptions_product_id FOREIGN KEY (product_id) REFERENCES products(id);

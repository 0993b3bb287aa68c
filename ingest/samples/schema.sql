-- Parcelbird: the PostgreSQL schema behind the sample API (fictional).

CREATE TABLE accounts (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL,
    plan        text NOT NULL DEFAULT 'starter' CHECK (plan IN ('starter', 'growth', 'enterprise')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id           bigserial PRIMARY KEY,
    account_id   bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    prefix       varchar(16) NOT NULL,
    key_hash     bytea NOT NULL,
    scope        text NOT NULL DEFAULT 'read_write',
    mode         text NOT NULL DEFAULT 'test',
    revoked_at   timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE carriers (
    code              varchar(32) PRIMARY KEY,
    name              text NOT NULL,
    max_weight_grams  integer NOT NULL,
    active            boolean NOT NULL DEFAULT true
);

CREATE TABLE addresses (
    id           bigserial PRIMARY KEY,
    account_id   bigint NOT NULL REFERENCES accounts (id),
    name         text NOT NULL,
    street1      text NOT NULL,
    street2      text,
    city         text NOT NULL,
    postal_code  varchar(16) NOT NULL,
    country      char(2) NOT NULL
);

CREATE TABLE shipments (
    id               varchar(26) PRIMARY KEY,
    account_id       bigint NOT NULL,
    from_address_id  bigint NOT NULL REFERENCES addresses (id),
    to_address_id    bigint NOT NULL REFERENCES addresses (id),
    status           text NOT NULL DEFAULT 'draft',
    weight_grams     integer NOT NULL CHECK (weight_grams BETWEEN 1 AND 70000),
    reference        varchar(64),
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT shipments_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);

CREATE TABLE labels (
    id               varchar(26) PRIMARY KEY,
    shipment_id      varchar(26) NOT NULL UNIQUE,
    carrier_code     varchar(32) NOT NULL,
    tracking_number  text NOT NULL,
    label_format     text NOT NULL DEFAULT 'pdf',
    amount_cents     integer NOT NULL,
    currency         char(3) NOT NULL DEFAULT 'EUR',
    purchased_at     timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE ONLY labels
    ADD CONSTRAINT labels_shipment_fk FOREIGN KEY (shipment_id) REFERENCES shipments (id) ON DELETE CASCADE;
ALTER TABLE ONLY labels
    ADD CONSTRAINT labels_carrier_fk FOREIGN KEY (carrier_code) REFERENCES carriers (code);

CREATE TABLE tracking_events (
    id           bigserial PRIMARY KEY,
    label_id     varchar(26) NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
    status       text NOT NULL,
    location     text,
    description  text,
    occurred_at  timestamptz NOT NULL
);

CREATE TABLE webhooks (
    id          varchar(26) PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    url         text NOT NULL,
    secret_hash bytea NOT NULL,
    disabled    boolean NOT NULL DEFAULT false,
    failing_since timestamptz
);

-- Which events each webhook endpoint receives (join table).
CREATE TABLE webhook_subscriptions (
    webhook_id  varchar(26) NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_type  text NOT NULL,
    PRIMARY KEY (webhook_id, event_type)
);

CREATE TABLE webhook_deliveries (
    id            bigserial PRIMARY KEY,
    webhook_id    varchar(26) NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id      varchar(26) NOT NULL,
    attempt       smallint NOT NULL DEFAULT 1 CHECK (attempt BETWEEN 1 AND 9),
    response_code smallint,
    next_retry_at timestamptz,
    delivered_at  timestamptz
);

-- Which carriers an account has enabled (join table between accounts and carriers).
CREATE TABLE account_carriers (
    account_id    bigint NOT NULL,
    carrier_code  varchar(32) NOT NULL,
    enabled_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT account_carriers_pkey PRIMARY KEY (account_id, carrier_code),
    CONSTRAINT account_carriers_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT account_carriers_carrier_fk FOREIGN KEY (carrier_code) REFERENCES carriers (code)
);

CREATE INDEX shipments_account_created_idx ON shipments USING btree (account_id, created_at DESC);
CREATE INDEX shipments_status_idx ON shipments (status);
CREATE UNIQUE INDEX api_keys_prefix_idx ON api_keys (prefix);
CREATE INDEX labels_tracking_number_idx ON labels (tracking_number);
CREATE INDEX tracking_events_label_idx ON tracking_events (label_id, occurred_at);
CREATE INDEX webhook_deliveries_retry_idx ON webhook_deliveries (next_retry_at) WHERE delivered_at IS NULL;

COMMENT ON TABLE accounts IS 'A customer of Parcelbird; owns keys, shipments and webhooks.';
COMMENT ON TABLE api_keys IS 'API keys; only a hash is stored, the full key is shown once.';
COMMENT ON COLUMN api_keys.prefix IS 'First characters of the key (pb_test_ or pb_live_ plus 8), for lookup and display.';
COMMENT ON TABLE shipments IS 'A parcel to send, with its addresses; rates are computed on creation.';
COMMENT ON COLUMN shipments.status IS 'draft, label_purchased, in_transit, out_for_delivery, delivered, exception or cancelled.';
COMMENT ON TABLE labels IS 'A purchased shipping label; at most one per shipment.';
COMMENT ON TABLE tracking_events IS 'Carrier scan events for a label, as received.';
COMMENT ON TABLE webhook_deliveries IS 'One row per delivery attempt; retried up to 8 times with backoff.';

CREATE FUNCTION touch_failing_since() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.response_code IS NULL OR NEW.response_code >= 300 THEN
        UPDATE webhooks SET failing_since = coalesce(failing_since, now()) WHERE id = NEW.webhook_id;
    END IF;
    RETURN NEW;
END;
$$;

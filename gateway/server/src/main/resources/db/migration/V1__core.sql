-- One schema for SQLite and PostgreSQL: portable types only (VARCHAR, TEXT, BIGINT, INTEGER),
-- instants as epoch milliseconds (UTC), money as BIGINT fen, ids made by the gateway.

-- Registry (名录): the subjects administrators keep.
CREATE TABLE subject (
    id              VARCHAR(64)  PRIMARY KEY,
    type            VARCHAR(32)  NOT NULL,
    name            VARCHAR(300) NOT NULL,
    region          VARCHAR(12)  NOT NULL,
    registered_on   VARCHAR(10),
    tax_registered  INTEGER,
    size_class      VARCHAR(8),
    categories      VARCHAR(500) NOT NULL,
    body            TEXT         NOT NULL,
    updated_at      BIGINT       NOT NULL
);
CREATE INDEX subject_type ON subject (type);

CREATE TABLE subject_shop (
    platform    VARCHAR(20) NOT NULL,
    shop_id     VARCHAR(100) NOT NULL,
    subject_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (platform, shop_id)
);

CREATE TABLE subject_site (
    carrier     VARCHAR(20) NOT NULL,
    site_code   VARCHAR(100) NOT NULL,
    subject_id  VARCHAR(64) NOT NULL,
    region      VARCHAR(12),
    PRIMARY KEY (carrier, site_code)
);

CREATE TABLE subject_carrier (
    subject_id  VARCHAR(64) NOT NULL,
    carrier     VARCHAR(20) NOT NULL,
    PRIMARY KEY (subject_id, carrier)
);

-- Feed intake: every batch, every accepted version, every rejected record with its reason.
CREATE TABLE intake_batch (
    id           VARCHAR(40)  PRIMARY KEY,
    connector_id VARCHAR(64)  NOT NULL,
    received_at  BIGINT       NOT NULL,
    format       VARCHAR(20)  NOT NULL,
    records      INTEGER      NOT NULL,
    accepted     INTEGER      NOT NULL,
    duplicates   INTEGER      NOT NULL,
    rejected     INTEGER      NOT NULL
);

CREATE TABLE rejected_record (
    batch_id     VARCHAR(40)  NOT NULL,
    record_index INTEGER      NOT NULL,
    connector_id VARCHAR(64)  NOT NULL,
    reason       TEXT         NOT NULL,
    raw          TEXT         NOT NULL,
    received_at  BIGINT       NOT NULL,
    PRIMARY KEY (batch_id, record_index)
);

-- Every distinct content ever received for a natural key (the audit trail). The current row in
-- shipment / sales_order is the version with the newest updatedAt.
CREATE TABLE record_version (
    kind         VARCHAR(10)  NOT NULL,
    natural_key  VARCHAR(160) NOT NULL,
    version      INTEGER      NOT NULL,
    updated_at   BIGINT       NOT NULL,
    content_hash VARCHAR(64)  NOT NULL,
    connector_id VARCHAR(64)  NOT NULL,
    batch_id     VARCHAR(40)  NOT NULL,
    received_at  BIGINT       NOT NULL,
    body         TEXT         NOT NULL,
    PRIMARY KEY (kind, natural_key, version)
);

CREATE TABLE shipment (
    natural_key      VARCHAR(160) PRIMARY KEY,
    carrier          VARCHAR(20)  NOT NULL,
    waybill_no       VARCHAR(120) NOT NULL,
    version          INTEGER      NOT NULL,
    versions         INTEGER      NOT NULL,
    updated_at       BIGINT       NOT NULL,
    content_hash     VARCHAR(64)  NOT NULL,
    collected_at     BIGINT       NOT NULL,
    origin_region    VARCHAR(12),
    origin_site      VARCHAR(100),
    dest_region      VARCHAR(12),
    dest_country     VARCHAR(2),
    delivered_at     BIGINT,
    delivered_region VARCHAR(12),
    delivery_site    VARCHAR(100),
    order_ref        VARCHAR(160),
    shipper_id       VARCHAR(64),
    weight_grams     INTEGER,
    trace_events     INTEGER,
    connector_id     VARCHAR(64)  NOT NULL,
    connectors       VARCHAR(500) NOT NULL,
    duplicates       INTEGER      NOT NULL,
    received_at      BIGINT       NOT NULL,
    status           VARCHAR(12)  NOT NULL,
    reasons          TEXT
);
CREATE INDEX shipment_collected_at ON shipment (collected_at);
CREATE INDEX shipment_delivered_at ON shipment (delivered_at);
CREATE INDEX shipment_order_ref ON shipment (order_ref);

-- 订单. "order" is a reserved word in SQL.
CREATE TABLE sales_order (
    natural_key      VARCHAR(160) PRIMARY KEY,
    platform         VARCHAR(20)  NOT NULL,
    order_id         VARCHAR(120) NOT NULL,
    version          INTEGER      NOT NULL,
    versions         INTEGER      NOT NULL,
    updated_at       BIGINT       NOT NULL,
    content_hash     VARCHAR(64)  NOT NULL,
    shop_id          VARCHAR(100) NOT NULL,
    merchant_id      VARCHAR(64),
    channel          VARCHAR(4)   NOT NULL,
    order_status     VARCHAR(12)  NOT NULL,
    paid_at          BIGINT,
    amount_fen       BIGINT       NOT NULL,
    refunded_fen     BIGINT       NOT NULL,
    currency         VARCHAR(3)   NOT NULL,
    fx_rate          VARCHAR(24),
    waybills         TEXT,
    categories       VARCHAR(500),
    cross_border     INTEGER      NOT NULL,
    dest_region      VARCHAR(12),
    dest_country     VARCHAR(2),
    buyer_hash       VARCHAR(128),
    connector_id     VARCHAR(64)  NOT NULL,
    connectors       VARCHAR(500) NOT NULL,
    duplicates       INTEGER      NOT NULL,
    received_at      BIGINT       NOT NULL,
    status           VARCHAR(12)  NOT NULL,
    reasons          TEXT
);
CREATE INDEX sales_order_paid_at ON sales_order (paid_at);

-- Figures (指标) and their published revisions.
CREATE TABLE figure (
    figure_id    VARCHAR(200) PRIMARY KEY,
    subject_id   VARCHAR(64)  NOT NULL,
    subject_type VARCHAR(32)  NOT NULL,
    metric       VARCHAR(48)  NOT NULL,
    period       VARCHAR(8)   NOT NULL,
    value        VARCHAR(32)  NOT NULL,
    unit         VARCHAR(8)   NOT NULL,
    revision     INTEGER      NOT NULL,
    evidence     TEXT         NOT NULL,
    updated_at   BIGINT       NOT NULL
);
CREATE INDEX figure_period ON figure (period);

CREATE TABLE figure_revision (
    figure_id    VARCHAR(200) NOT NULL,
    revision     INTEGER      NOT NULL,
    value        VARCHAR(32)  NOT NULL,
    evidence     TEXT         NOT NULL,
    published_at BIGINT       NOT NULL,
    PRIMARY KEY (figure_id, revision)
);

-- Award lines (奖补) computed from figures by the policy engine.
CREATE TABLE award_line (
    award_id     VARCHAR(250) PRIMARY KEY,
    policy       VARCHAR(64)  NOT NULL,
    clause       VARCHAR(64)  NOT NULL,
    subject_id   VARCHAR(64)  NOT NULL,
    period       VARCHAR(8)   NOT NULL,
    amount       VARCHAR(24)  NOT NULL,
    revision     INTEGER      NOT NULL,
    body         TEXT         NOT NULL,
    updated_at   BIGINT       NOT NULL
);
CREATE INDEX award_line_period ON award_line (period);

CREATE TABLE period_close (
    period      VARCHAR(8)  PRIMARY KEY,
    closes      INTEGER     NOT NULL,
    last_closed BIGINT      NOT NULL,
    summary     TEXT        NOT NULL
);

-- The outbox (发件箱): a batch for the award intake, written in the same transaction as the
-- figures or award lines it carries. The body is stored as sent, so a resend is byte-identical.
CREATE TABLE delivery (
    id              VARCHAR(40)  PRIMARY KEY,
    kind            VARCHAR(10)  NOT NULL,
    period          VARCHAR(8)   NOT NULL,
    items           INTEGER      NOT NULL,
    body            TEXT         NOT NULL,
    status          VARCHAR(10)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at BIGINT       NOT NULL,
    last_status     INTEGER,
    last_response   TEXT,
    created_at      BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL
);
CREATE INDEX delivery_due ON delivery (status, next_attempt_at);

-- Connector instances added through the admin API (or read from config/connectors at startup),
-- kept so that they survive a restart. The body is the definition as the operator gave it, in
-- JSON: settings that are secrets hold only a reference to an environment variable, never a
-- value. paused is the operator's pause (1) and survives restarts too.
CREATE TABLE connector_definition (
    id          VARCHAR(64)  PRIMARY KEY,
    type        VARCHAR(64)  NOT NULL,
    body        TEXT         NOT NULL,
    paused      INTEGER      NOT NULL,
    created_at  BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL
);

-- Where each pull connector stands in its source: written in the same transaction as the records
-- of the batch that moved it (see FeedIntake's commit hook). type is the connector type that wrote
-- it: a definition replaced by one of another type starts again from nothing.
CREATE TABLE connector_checkpoint (
    connector_id VARCHAR(64)  PRIMARY KEY,
    type         VARCHAR(64)  NOT NULL,
    checkpoint   TEXT         NOT NULL,
    batch_id     VARCHAR(40)  NOT NULL,
    updated_at   BIGINT       NOT NULL
);

-- The connector list sums each connector's batches.
CREATE INDEX intake_batch_connector ON intake_batch (connector_id);

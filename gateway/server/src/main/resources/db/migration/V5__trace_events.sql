-- Trace assembly (connector definitions with an "assembly"): every event a carrier pushed, kept per
-- connector, carrier and waybill, so that a push of one scan is mapped together with the scans
-- pushed before it. event_hash is the event's identity (SHA-256 of its JSON, fields sorted): the
-- same event pushed again is kept once (INSERT … ON CONFLICT DO NOTHING). Written in the intake's
-- transaction, with the records mapped from it. carrier is '' when the connector's waybills are all
-- of one carrier. received_at (epoch ms) and seq (position in its push) give the arrival order.
CREATE TABLE trace_event (
    connector_id VARCHAR(64)  NOT NULL,
    carrier      VARCHAR(64)  NOT NULL,
    waybill_no   VARCHAR(128) NOT NULL,
    event_hash   VARCHAR(64)  NOT NULL,
    event        TEXT         NOT NULL,
    batch_id     VARCHAR(40)  NOT NULL,
    seq          INTEGER      NOT NULL,
    received_at  BIGINT       NOT NULL,
    PRIMARY KEY (connector_id, carrier, waybill_no, event_hash)
);

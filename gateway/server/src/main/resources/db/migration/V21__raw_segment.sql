-- The raw payloads of the records a chunk stores new, kept together and deflated (docs/records.md "Provenance"):
-- one row per chunk instead of a text per record. The raw payload was the largest value of a new record's row,
-- written for every record on the intake's hot path, with an entry in the expiry index besides; a million bench
-- records took 559 MiB of database with it in the row and 263 MiB in segments (docs/operations.md "Database").
-- A segment is numbered within its batch (batch ids are unique to one body). BYTEA is PostgreSQL's binary type;
-- SQLite takes any type name and stores the bytes as they are.
CREATE TABLE raw_segment (
    batch_id   VARCHAR(40) NOT NULL,
    segment    INTEGER     NOT NULL,
    body       BYTEA,
    expires_at BIGINT      NOT NULL,
    PRIMARY KEY (batch_id, segment)
);
-- retention empties a segment's body at its expiry and keeps the row, so the API can say when it expired
CREATE INDEX raw_segment_expiry ON raw_segment (expires_at) WHERE body IS NOT NULL;

-- A row whose payload is in a segment points at it: the segment of the row's batch, and where the text lies in
-- the inflated segment, in bytes. Its raw and raw_expires_at stay null; rows stored before keep their text there.
ALTER TABLE shipment ADD COLUMN raw_segment INTEGER;
ALTER TABLE shipment ADD COLUMN raw_at INTEGER;
ALTER TABLE shipment ADD COLUMN raw_length INTEGER;
ALTER TABLE sales_order ADD COLUMN raw_segment INTEGER;
ALTER TABLE sales_order ADD COLUMN raw_at INTEGER;
ALTER TABLE sales_order ADD COLUMN raw_length INTEGER;

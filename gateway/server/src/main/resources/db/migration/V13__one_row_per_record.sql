-- One row per record on the intake's hot path (docs/records.md "Provenance"). A record received in
-- one version only keeps that version inline, in its own row: its canonical body, the batch it came
-- in, its raw payload's hash and text and when that text expires. record_version and raw_payload are
-- written only once a second version of the natural key arrives: the inline version moves there
-- (body set to NULL) with the new one, and from then on every version of that key is in
-- record_version. So: body IS NOT NULL exactly when the row's single version is inline. Rows stored
-- before this migration have body NULL and every version in record_version already.
ALTER TABLE shipment ADD COLUMN batch_id VARCHAR(40);
ALTER TABLE shipment ADD COLUMN body TEXT;
ALTER TABLE shipment ADD COLUMN raw_hash VARCHAR(64);
ALTER TABLE shipment ADD COLUMN raw TEXT;
ALTER TABLE shipment ADD COLUMN raw_expires_at BIGINT;
ALTER TABLE sales_order ADD COLUMN batch_id VARCHAR(40);
ALTER TABLE sales_order ADD COLUMN body TEXT;
ALTER TABLE sales_order ADD COLUMN raw_hash VARCHAR(64);
ALTER TABLE sales_order ADD COLUMN raw TEXT;
ALTER TABLE sales_order ADD COLUMN raw_expires_at BIGINT;

-- the retention route walks only the inline payloads still kept, oldest expiry first (an append at
-- the index's end on the hot path: expiry grows with arrival)
CREATE INDEX shipment_raw_expiry ON shipment (raw_expires_at) WHERE raw IS NOT NULL;
CREATE INDEX sales_order_raw_expiry ON sales_order (raw_expires_at) WHERE raw IS NOT NULL;

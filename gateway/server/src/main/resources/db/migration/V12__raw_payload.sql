-- Provenance (docs/records.md "Provenance"): every accepted record version keeps the SHA-256 (hex)
-- of its raw payload, the text it arrived as before any mapping; NULL for versions received before
-- raw payloads were kept. The raw text itself is kept once per distinct hash in raw_payload, written
-- in the intake's transaction (INSERT … ON CONFLICT), until expires_at (epoch ms: first arrival plus
-- gateway.intake.raw-retention). Past it, the retention route sets body to NULL: the row stays, so
-- the API can say when the payload expired, and the hash on the version stays forever, so a payload
-- the feeder produces later can still be checked against it.
ALTER TABLE record_version ADD COLUMN raw_hash VARCHAR(64);

CREATE TABLE raw_payload (
    raw_hash          VARCHAR(64) PRIMARY KEY,
    body              TEXT,
    first_received_at BIGINT      NOT NULL,
    expires_at        BIGINT      NOT NULL
);

-- the retention route walks only the payloads still kept, oldest expiry first
CREATE INDEX raw_payload_kept_expiry ON raw_payload (expires_at) WHERE body IS NOT NULL;

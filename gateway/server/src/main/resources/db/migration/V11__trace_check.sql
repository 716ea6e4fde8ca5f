-- What a carrier's own trace query said about a claimed parcel (docs/verification.md "Trace verification").
-- Every check is kept; the latest one per natural key holds. outcome: CONFIRMED, UNKNOWN or CONTRADICTS;
-- detail: what was compared, in words a reviewer understands; connector_id: the trace-query connector asked.
-- A carrier error is not a check: nothing is written and the parcel stays unchecked.
CREATE TABLE trace_check (
    id           VARCHAR(40)  PRIMARY KEY,
    natural_key  VARCHAR(160) NOT NULL,
    checked_at   BIGINT       NOT NULL,
    outcome      VARCHAR(12)  NOT NULL,
    detail       TEXT,
    connector_id VARCHAR(64)  NOT NULL
);
CREATE INDEX trace_check_key ON trace_check (natural_key, checked_at);

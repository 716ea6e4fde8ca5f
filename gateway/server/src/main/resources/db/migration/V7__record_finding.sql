-- What each rule concluded about a record at its last verification (docs/verification.md): one row per
-- record and rule, replaced whenever a close verifies the record again. period is the close that
-- wrote it; subject_id the express company or seller the record is attributed to, when there is one.
-- The review queue lists and filters these rows; the record's own status and reasons stay on it.
CREATE TABLE record_finding (
    kind        VARCHAR(10)  NOT NULL,
    natural_key VARCHAR(160) NOT NULL,
    rule        VARCHAR(64)  NOT NULL,
    outcome     VARCHAR(12)  NOT NULL,
    reason      TEXT         NOT NULL,
    period      VARCHAR(8)   NOT NULL,
    subject_id  VARCHAR(64),
    PRIMARY KEY (kind, natural_key, rule)
);
CREATE INDEX record_finding_period_rule ON record_finding (period, rule);

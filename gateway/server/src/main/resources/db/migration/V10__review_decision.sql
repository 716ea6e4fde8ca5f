-- Reviewers' decisions (复核) on flagged records (docs/verification.md "Review queue"): every decision
-- kept, never updated or deleted; the one with the highest seq per record is the one that holds, and
-- only while the record's content_hash is still the one it was taken on. seq is counted per record by
-- the gateway (portable: no sequence or identity column), so two decisions in one millisecond still
-- have an order. via_* name the filter a bulk decision was made through (rule, subject, period); null
-- when the record was named.
CREATE TABLE review_decision (
    kind         VARCHAR(10)  NOT NULL,
    natural_key  VARCHAR(160) NOT NULL,
    seq          INTEGER      NOT NULL,
    outcome      VARCHAR(8)   NOT NULL,
    reason       TEXT         NOT NULL,
    reviewer     VARCHAR(200) NOT NULL,
    decided_at   BIGINT       NOT NULL,
    content_hash VARCHAR(64)  NOT NULL,
    via_rule     VARCHAR(64),
    via_subject  VARCHAR(64),
    via_period   VARCHAR(8),
    PRIMARY KEY (kind, natural_key, seq)
);
-- a reviewer filters the queue by rule without a period, or by subject
CREATE INDEX record_finding_rule ON record_finding (rule, period);
CREATE INDEX record_finding_subject ON record_finding (subject_id, period);

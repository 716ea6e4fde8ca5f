-- The natural keys each published figure counted (docs/figures.md "The keys a figure counted"), so
-- anyone can recompute its digest. A set of keys is kept once under its digest, whichever figures
-- and revisions counted it: a merchant's SALES_NET and ORDERS, or a revision that changed only an
-- amount, share one set. position is the key's place in the digest's order (Java String order), so
-- pages come out in that order on both databases whatever their collation.
CREATE TABLE figure_key_set (
    digest     VARCHAR(71) PRIMARY KEY,
    key_count  INTEGER     NOT NULL,
    kept_at    BIGINT      NOT NULL
);

CREATE TABLE figure_key (
    digest      VARCHAR(71)  NOT NULL,
    position    INTEGER      NOT NULL,
    natural_key VARCHAR(160) NOT NULL,
    PRIMARY KEY (digest, position)
);

-- Count reports (点数报表): totals a firm reports for itself, one of its sites or one of its shops
-- (docs/figures.md "Reported totals"). They are set beside the verified figures, never paid on. The
-- current report of (subject, scope, period, metric, source) is in count_report; every report received,
-- replaced ones included, stays in count_report_history. scope is '' for the whole subject,
-- 'site:CARRIER:siteCode' or 'shop:PLATFORM:shopId'; value is a decimal string.
CREATE TABLE count_report (
    subject_id  VARCHAR(64)  NOT NULL,
    scope       VARCHAR(240) NOT NULL,
    period      VARCHAR(8)   NOT NULL,
    metric      VARCHAR(48)  NOT NULL,
    source      VARCHAR(200) NOT NULL,
    value       VARCHAR(32)  NOT NULL,
    reported_at BIGINT       NOT NULL,
    PRIMARY KEY (subject_id, scope, period, metric, source)
);
CREATE INDEX count_report_period ON count_report (period);

CREATE TABLE count_report_history (
    subject_id  VARCHAR(64)  NOT NULL,
    scope       VARCHAR(240) NOT NULL,
    period      VARCHAR(8)   NOT NULL,
    metric      VARCHAR(48)  NOT NULL,
    source      VARCHAR(200) NOT NULL,
    value       VARCHAR(32)  NOT NULL,
    reported_at BIGINT       NOT NULL
);
CREATE INDEX count_report_history_key ON count_report_history (subject_id, period);

-- What the policy engine must remember across periods: steps passed "for the first time", one-off
-- awards, lifetime caps. Rewritten for a period each time the period is closed.
CREATE TABLE prior_award (
    policy      VARCHAR(64)  NOT NULL,
    rule_id     VARCHAR(64)  NOT NULL,
    subject_id  VARCHAR(64)  NOT NULL,
    period      VARCHAR(8)   NOT NULL,
    award_key   VARCHAR(100) NOT NULL,
    amount      VARCHAR(24)  NOT NULL
);
CREATE INDEX prior_award_period ON prior_award (period);

-- Figures an administrator enters because no feed carries them (INVOICED_SALES, INSURED_STAFF …),
-- every revision kept: who entered which value when is the audit trail of every award paid on it.
-- The current value of (subject, metric, period) is its highest revision.
CREATE TABLE entered_figure (
    figure_id   VARCHAR(250) NOT NULL,
    revision    INTEGER      NOT NULL,
    subject_id  VARCHAR(64)  NOT NULL,
    metric      VARCHAR(40)  NOT NULL,
    period      VARCHAR(8)   NOT NULL,
    value       VARCHAR(24)  NOT NULL,
    note        TEXT,
    entered_by  VARCHAR(200) NOT NULL,
    entered_at  BIGINT       NOT NULL,
    PRIMARY KEY (figure_id, revision)
);
CREATE INDEX entered_figure_period ON entered_figure (period);
CREATE INDEX entered_figure_subject ON entered_figure (subject_id);

-- Notifications (docs/operations.md "Notifications"): incidents and, per webhook, which notices it took,
-- so a notice is sent at most once per incident even across a restart.
-- event: CONNECTOR_FAILING, DELIVERY_PAUSED or DELIVERY_BACKLOG_OLD; subject: a connector id or 'delivery';
-- resolved_at: NULL while the incident is open. At most one open incident per event and subject.
CREATE TABLE notification_incident (
    id           VARCHAR(40)  PRIMARY KEY,
    event        VARCHAR(32)  NOT NULL,
    subject      VARCHAR(100) NOT NULL,
    reason       TEXT         NOT NULL,
    opened_at    BIGINT       NOT NULL,
    resolved_at  BIGINT
);
CREATE UNIQUE INDEX notification_incident_open ON notification_incident (event, subject) WHERE resolved_at IS NULL;
CREATE INDEX notification_incident_opened ON notification_incident (opened_at);

-- One row per incident and webhook once a post was tried. webhook: a digest of the webhook's URL (never
-- the URL, which may carry a token). opened_at / resolved_at: when the webhook took that notice, NULL
-- until it did; last_error: the last failed attempt's reply or fault.
CREATE TABLE notification_notice (
    incident_id     VARCHAR(40)  NOT NULL,
    webhook         VARCHAR(64)  NOT NULL,
    opened_at       BIGINT,
    resolved_at     BIGINT,
    attempts        INTEGER      NOT NULL,
    last_error      TEXT,
    last_attempt_at BIGINT       NOT NULL,
    PRIMARY KEY (incident_id, webhook)
);

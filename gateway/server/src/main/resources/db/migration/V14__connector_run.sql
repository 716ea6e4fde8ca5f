-- Each connector's run history (docs/api.md "Connectors"): one row at the end of every pull run (its
-- whole poll loop) and of every file taken from an inbox, stored or not. Push connectors' posts are
-- their intake_batch rows. Rows outlive the connector: a deleted connector keeps its history.
-- outcome: OK, FAILED or NOTHING_NEW; error: why it failed, secrets stripped. For a file: file_name as
-- dropped, file_outcome DONE, FAILED (in failed/ with its report) or RETRYING (left in the inbox), and
-- moved_to, its path inside the inbox (done/… or failed/…), null while it stays. File names are TEXT: a
-- name the file system allows must never make the history row fail on PostgreSQL.
CREATE TABLE connector_run (
    id           VARCHAR(40)  PRIMARY KEY,
    connector_id VARCHAR(64)  NOT NULL,
    started_at   BIGINT       NOT NULL,
    finished_at  BIGINT       NOT NULL,
    records_in   BIGINT       NOT NULL,
    accepted     BIGINT       NOT NULL,
    duplicates   BIGINT       NOT NULL,
    rejected     BIGINT       NOT NULL,
    outcome      VARCHAR(12)  NOT NULL,
    error        TEXT,
    file_name    TEXT,
    file_outcome VARCHAR(12),
    moved_to     TEXT
);
CREATE INDEX connector_run_connector ON connector_run (connector_id, finished_at);

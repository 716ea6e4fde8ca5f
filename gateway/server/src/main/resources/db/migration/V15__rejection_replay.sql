-- Rejected records as a dead-letter queue (docs/operations.md "Replaying rejected records"): one row
-- per rejection that an administrator replayed, so that it is never replayed twice. The rejection
-- itself stays in rejected_record as it was.
--   replay_batch  the intake_batch (format REPLAY) its records went into
--   first_index, records  where they stand in that batch: the rejection may have become several
--                 standard records (a mapping that makes an order and its parcels), or none
--   outcome       STORED (accepted, or a duplicate of what was held: counted once either way),
--                 STILL_REJECTED (a new rejected_record row in the replay batch, at first_index…,
--                 is the one to replay after the next fix), NOTHING_TO_STORE (the mapping now makes
--                 no record of it) or NOT_REPLAYABLE (its raw text is not a record: it could not be
--                 read when it arrived, or a CSV row was kept without its header)
--   reason        why it is still rejected or cannot be replayed
--   origin_batch, origin_index  the rejection as the partner's data first arrived: itself, or the
--                 one a chain of replays started from (reconciliation counts by it)
CREATE TABLE rejection_replay (
    batch_id      VARCHAR(40)  NOT NULL,
    record_index  INTEGER      NOT NULL,
    connector_id  VARCHAR(64)  NOT NULL,
    replay_batch  VARCHAR(40)  NOT NULL,
    replayed_at   BIGINT       NOT NULL,
    first_index   INTEGER      NOT NULL,
    records       INTEGER      NOT NULL,
    outcome       VARCHAR(16)  NOT NULL,
    reason        TEXT,
    origin_batch  VARCHAR(40)  NOT NULL,
    origin_index  INTEGER      NOT NULL,
    PRIMARY KEY (batch_id, record_index)
);
CREATE INDEX rejection_replay_batch ON rejection_replay (replay_batch, first_index);
CREATE INDEX rejection_replay_origin ON rejection_replay (origin_batch, origin_index);

-- the queue is read per connector, oldest first (replay) and newest first (the list)
CREATE INDEX rejected_record_connector ON rejected_record (connector_id, received_at);
-- reconciliation reads a connector's batches of one period
CREATE INDEX intake_batch_connector_received ON intake_batch (connector_id, received_at);

-- A close writes a status row only for the records it does not verify (docs/records.md "Verification status"):
-- a record without a row is VERIFIED when a close since V20 covered it, RECEIVED otherwise. What "covered"
-- means is kept here: the bounds of each period closed, in epoch milliseconds, [starts_at, ends_at). A close
-- before V20 wrote a row for every record it verified and leaves its bounds empty, so nothing it covered
-- changes meaning until that period is closed again.
ALTER TABLE period_close ADD COLUMN starts_at BIGINT;
ALTER TABLE period_close ADD COLUMN ends_at BIGINT;

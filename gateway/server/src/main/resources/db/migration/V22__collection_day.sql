-- The shipment table's collection index keyed by the day of collection, China time, instead of the instant
-- (docs/operations.md "Database"). Entries of one key sit in row-id order, and a new row has the highest row id: each
-- new shipment's entry goes at the end of its day, so a month's intake touches a few dozen index pages at the end of
-- each day instead of one page anywhere in the index per record. With the instant as key, every record of a
-- 10,000-record commit dirtied a page of its own that the commit wrote to the log again: the intake of ten million
-- records in process went from 65,826 to 90,074 records/s with this index (no index at all: 98,743). Periods are
-- whole China days, so a period's shipments are a range of this key; queries name the expression exactly as written
-- here (CollectionDay in the code), which both databases need to use the index.
DROP INDEX shipment_collected_at;
CREATE INDEX shipment_collected_day ON shipment (((collected_at + 28800000) / 86400000));

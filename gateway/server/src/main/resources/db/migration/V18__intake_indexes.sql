-- Indexes the intake pays for on every record, kept to those a query reads (docs/operations.md "Database").
-- shipment_order_ref was read by no query: the close links a shipment to its order through the order's
-- natural key, never by searching shipments for a reference. Every new shipment still paid an entry in it.
DROP INDEX shipment_order_ref;
-- A shipment arrives collected and not yet delivered, so most rows hold no delivery time. The close reads
-- the period's deliveries by range (delivered_at >= ? AND delivered_at < ?), which a partial index over the
-- delivered rows answers on SQLite and PostgreSQL alike; the undelivered rows no longer get an entry.
DROP INDEX shipment_delivered_at;
CREATE INDEX shipment_delivered_at ON shipment (delivered_at) WHERE delivered_at IS NOT NULL;

-- What fraud detection reads (docs/records.md): a shipment's trace events, its payment method and
-- receiver; an order's payment method, the platform's own refund status, its receiver and its parcel
-- count. All nullable: records stored before, and feeds that do not send them, have none.
-- shipment.scans is the JSON array of the record's canonical form ([{"type","at","region","facility"}],
-- instants in UTC, in time order); payment_method ONLINE or COD; refund_status NONE, REQUESTED,
-- REFUNDED or CLOSED. One column a statement: SQLite adds columns one at a time.
ALTER TABLE shipment ADD COLUMN scans TEXT;
ALTER TABLE shipment ADD COLUMN payment_method VARCHAR(6);
ALTER TABLE shipment ADD COLUMN receiver_hash VARCHAR(128);
ALTER TABLE sales_order ADD COLUMN payment_method VARCHAR(6);
ALTER TABLE sales_order ADD COLUMN refund_status VARCHAR(10);
ALTER TABLE sales_order ADD COLUMN receiver_hash VARCHAR(128);
ALTER TABLE sales_order ADD COLUMN parcel_count INTEGER;

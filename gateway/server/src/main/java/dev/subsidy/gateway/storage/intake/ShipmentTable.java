package dev.subsidy.gateway.storage.intake;

import static java.sql.Types.BIGINT;
import static java.sql.Types.INTEGER;
import static java.sql.Types.VARCHAR;

import dev.subsidy.gateway.storage.records.RecordColumns;
import dev.subsidy.intake.CanonicalForm;
import dev.subsidy.model.Shipment;
import java.time.Instant;

final class ShipmentTable extends RecordTable<Shipment> {

    private static final String[] COLUMNS = {"carrier", "waybill_no", "collected_at", "origin_region",
        "origin_site", "dest_region", "dest_country", "delivered_at", "delivered_region", "delivery_site",
        "order_ref", "shipper_id", "weight_grams", "trace_events", "scans", "payment_method", "receiver_hash"};
    private static final int[] TYPES = {VARCHAR, VARCHAR, BIGINT, VARCHAR, VARCHAR, VARCHAR, VARCHAR, BIGINT,
        VARCHAR, VARCHAR, VARCHAR, VARCHAR, INTEGER, INTEGER, VARCHAR, VARCHAR, VARCHAR};

    ShipmentTable() {
        super("shipment", COLUMNS, TYPES);
    }

    @Override
    public Object[] values(Shipment s) {
        return new Object[] {s.carrier().name(), s.waybillNo(), millis(s.collectedAt()), s.originRegion(),
            s.originSite(), s.destRegion(), s.destCountry(), millis(s.deliveredAt()), s.deliveredRegion(),
            s.deliverySite(), s.orderRef(), s.shipperId(), s.weightGrams(), s.traceEvents(),
            CanonicalForm.scans(s.scans()), s.paymentMethod() == null ? null : s.paymentMethod().name(),
            s.receiverHash()};
    }

    @Override
    String naturalKey(Shipment record) {
        return record.naturalKey();
    }

    @Override
    Instant updatedAt(Shipment record) {
        return record.updatedAt();
    }

    @Override
    boolean placedIn(Shipment record, long from, long to) {
        return within(record.collectedAt(), from, to) || within(record.deliveredAt(), from, to);
    }

    @Override
    boolean holdAll(Shipment record) {
        return RecordColumns.holdAll(record);
    }
}

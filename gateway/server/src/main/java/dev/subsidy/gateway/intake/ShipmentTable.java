package dev.subsidy.gateway.intake;

import static dev.subsidy.gateway.storage.Sql.setInt;
import static dev.subsidy.gateway.storage.Sql.setMillis;

import dev.subsidy.gateway.records.Shipment;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

final class ShipmentTable implements RecordTable<Shipment> {

    private static final String[] COLUMNS = {"carrier", "waybill_no", "collected_at", "origin_region",
        "origin_site", "dest_region", "dest_country", "delivered_at", "delivered_region", "delivery_site",
        "order_ref", "shipper_id", "weight_grams", "trace_events"};

    @Override
    public String table() {
        return "shipment";
    }

    @Override
    public String[] columns() {
        return COLUMNS;
    }

    @Override
    public int bind(PreparedStatement ps, int i, Shipment s) throws SQLException {
        ps.setString(i++, s.carrier().name());
        ps.setString(i++, s.waybillNo());
        setMillis(ps, i++, s.collectedAt());
        ps.setString(i++, s.originRegion());
        ps.setString(i++, s.originSite());
        ps.setString(i++, s.destRegion());
        ps.setString(i++, s.destCountry());
        setMillis(ps, i++, s.deliveredAt());
        ps.setString(i++, s.deliveredRegion());
        ps.setString(i++, s.deliverySite());
        ps.setString(i++, s.orderRef());
        ps.setString(i++, s.shipperId());
        setInt(ps, i++, s.weightGrams());
        setInt(ps, i++, s.traceEvents());
        return i;
    }

    @Override
    public String naturalKey(Shipment record) {
        return record.naturalKey();
    }

    @Override
    public Instant updatedAt(Shipment record) {
        return record.updatedAt();
    }

    @Override
    public String canonical(Shipment record) {
        return CanonicalForm.of(record);
    }
}

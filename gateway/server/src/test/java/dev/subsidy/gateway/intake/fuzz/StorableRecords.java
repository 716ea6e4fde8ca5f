package dev.subsidy.gateway.intake.fuzz;

import dev.subsidy.gateway.fuzz.ColumnLimits;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Whether an accepted record can be stored as the intake stores it: every text within its column's
 * width (as PostgreSQL enforces it), every instant as epoch milliseconds and every amount as whole fen
 * in a BIGINT. A record the parser accepts but the store cannot write fails the whole body's
 * transaction with a 500 instead of being rejected with its reason.
 */
final class StorableRecords {

    private final ColumnLimits columns;

    StorableRecords(ColumnLimits columns) {
        this.columns = columns;
    }

    void require(Shipment s) {
        String t = "shipment";
        columns.requireFits(t, "natural_key", s.naturalKey());
        columns.requireFits(t, "carrier", s.carrier().name());
        columns.requireFits(t, "waybill_no", s.waybillNo());
        columns.requireFits(t, "origin_region", s.originRegion());
        columns.requireFits(t, "origin_site", s.originSite());
        columns.requireFits(t, "dest_region", s.destRegion());
        columns.requireFits(t, "dest_country", s.destCountry());
        columns.requireFits(t, "delivered_region", s.deliveredRegion());
        columns.requireFits(t, "delivery_site", s.deliverySite());
        columns.requireFits(t, "order_ref", s.orderRef());
        columns.requireFits(t, "shipper_id", s.shipperId());
        millis("collectedAt", s.collectedAt());
        millis("deliveredAt", s.deliveredAt());
        millis("updatedAt", s.updatedAt());
    }

    void require(SalesOrder o) {
        String t = "sales_order";
        columns.requireFits(t, "natural_key", o.naturalKey());
        columns.requireFits(t, "platform", o.platform().name());
        columns.requireFits(t, "order_id", o.orderId());
        columns.requireFits(t, "shop_id", o.shopId());
        columns.requireFits(t, "merchant_id", o.merchantId());
        columns.requireFits(t, "channel", o.channel().name());
        columns.requireFits(t, "order_status", o.status().name());
        columns.requireFits(t, "currency", o.currency());
        columns.requireFits(t, "fx_rate", o.fxRate() == null ? null : o.fxRate().toPlainString());
        columns.requireFits(t, "categories", o.categories().isEmpty() ? null : String.join(",", o.categories()));
        columns.requireFits(t, "dest_region", o.destRegion());
        columns.requireFits(t, "dest_country", o.destCountry());
        columns.requireFits(t, "buyer_hash", o.buyerHash());
        fen("amount", o.amount());
        fen("refundedAmount", o.refundedAmount());
        millis("paidAt", o.paidAt());
        millis("updatedAt", o.updatedAt());
    }

    private static void millis(String field, Instant instant) {
        if (instant == null) {
            return;
        }
        try {
            instant.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new AssertionError(field + " " + instant + " cannot be stored as epoch milliseconds", e);
        }
    }

    private static void fen(String field, BigDecimal yuan) {
        try {
            yuan.movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw new AssertionError(field + " " + yuan + " is not a whole number of fen that fits a BIGINT", e);
        }
    }
}

package dev.subsidy.gateway.intake;

import static dev.subsidy.gateway.storage.Sql.setMillis;

import dev.subsidy.gateway.records.SalesOrder;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

final class OrderTable implements RecordTable<SalesOrder> {

    private static final String[] COLUMNS = {"platform", "order_id", "shop_id", "merchant_id", "channel",
        "order_status", "paid_at", "amount_fen", "refunded_fen", "currency", "fx_rate", "waybills", "categories",
        "cross_border", "dest_region", "dest_country", "buyer_hash"};

    @Override
    public String table() {
        return "sales_order";
    }

    @Override
    public String[] columns() {
        return COLUMNS;
    }

    @Override
    public int bind(PreparedStatement ps, int i, SalesOrder o) throws SQLException {
        ps.setString(i++, o.platform().name());
        ps.setString(i++, o.orderId());
        ps.setString(i++, o.shopId());
        ps.setString(i++, o.merchantId());
        ps.setString(i++, o.channel().name());
        ps.setString(i++, o.status().name());
        setMillis(ps, i++, o.paidAt());
        // fen: the amounts were checked to have at most two decimals
        ps.setLong(i++, o.amount().movePointRight(2).longValueExact());
        ps.setLong(i++, o.refundedAmount().movePointRight(2).longValueExact());
        ps.setString(i++, o.currency());
        ps.setString(i++, o.fxRate() == null ? null : o.fxRate().toPlainString());
        ps.setString(i++, o.waybills().isEmpty() ? null : String.join(",", o.waybills()));
        ps.setString(i++, o.categories().isEmpty() ? null : String.join(",", o.categories()));
        ps.setInt(i++, o.crossBorder() ? 1 : 0);
        ps.setString(i++, o.destRegion());
        ps.setString(i++, o.destCountry());
        ps.setString(i++, o.buyerHash());
        return i;
    }

    @Override
    public String naturalKey(SalesOrder record) {
        return record.naturalKey();
    }

    @Override
    public Instant updatedAt(SalesOrder record) {
        return record.updatedAt();
    }

    @Override
    public String canonical(SalesOrder record) {
        return CanonicalForm.of(record);
    }
}

package dev.subsidy.gateway.storage.intake;

import static java.sql.Types.BIGINT;
import static java.sql.Types.INTEGER;
import static java.sql.Types.VARCHAR;

import dev.subsidy.gateway.storage.records.RecordColumns;
import dev.subsidy.model.SalesOrder;
import java.time.Instant;

final class OrderTable extends RecordTable<SalesOrder> {

    private static final String[] COLUMNS = {"platform", "order_id", "shop_id", "merchant_id", "channel",
        "order_status", "paid_at", "amount_fen", "refunded_fen", "currency", "fx_rate", "waybills", "categories",
        "cross_border", "dest_region", "dest_country", "buyer_hash", "payment_method", "refund_status",
        "receiver_hash", "parcel_count"};
    private static final int[] TYPES = {VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, BIGINT, BIGINT,
        BIGINT, VARCHAR, VARCHAR, VARCHAR, VARCHAR, INTEGER, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR,
        INTEGER};

    OrderTable() {
        super("sales_order", COLUMNS, TYPES);
    }

    @Override
    public Object[] values(SalesOrder o) {
        return new Object[] {o.platform().name(), o.orderId(), o.shopId(), o.merchantId(), o.channel().name(),
            o.status().name(), o.paidAt() == null ? null : o.paidAt().toEpochMilli(),
            // fen: the parser takes at most two decimals and at most gateway.feeds.max-amount, which
            // RecordLimits keeps within a BIGINT, so this never overflows on a record it accepted
            o.amount().movePointRight(2).longValueExact(), o.refundedAmount().movePointRight(2).longValueExact(),
            o.currency(), o.fxRate() == null ? null : o.fxRate().toPlainString(),
            o.waybills().isEmpty() ? null : String.join(",", o.waybills()),
            o.categories().isEmpty() ? null : String.join(",", o.categories()),
            o.crossBorder() ? 1 : 0, o.destRegion(), o.destCountry(), o.buyerHash(),
            o.paymentMethod() == null ? null : o.paymentMethod().name(),
            o.refundStatus() == null ? null : o.refundStatus().name(), o.receiverHash(), o.parcelCount()};
    }

    @Override
    String naturalKey(SalesOrder record) {
        return record.naturalKey();
    }

    @Override
    Instant updatedAt(SalesOrder record) {
        return record.updatedAt();
    }

    @Override
    boolean placedIn(SalesOrder record, long from, long to) {
        return within(record.paidAt(), from, to);
    }

    @Override
    boolean holdAll(SalesOrder record) {
        return RecordColumns.holdAll(record);
    }
}

package dev.subsidy.gateway.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.model.Platform;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A standard order as TOP's {@code taobao.trades.sold.increment.get} lists it: one trade with
 * {@code tid}/{@code tid_str}, {@code payment} as a yuan string, times in China wall-clock text,
 * {@code seller_nick} (the shop the registry knows), and its sub-orders under {@code orders.order},
 * each with its own {@code payment}, {@code refund_status} and, once shipped, {@code invoice_no}
 * (the waybill) and {@code logistics_company}. A trade with several parcels has a sub-order per
 * parcel; its payment is split to the fen, the remainder on the last one, so the sub-orders add up
 * exactly. Only what the {@code taobao-trades} mapping can say as the standard record does is
 * accepted (no partial refund, no categories): anything else is refused here, loudly.
 */
final class TaobaoTrades {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<String, String> STATUSES = Map.of("PAID", "WAIT_SELLER_SEND_GOODS",
            "SHIPPED", "WAIT_BUYER_CONFIRM_GOODS", "COMPLETED", "TRADE_FINISHED", "REFUNDED", "TRADE_CLOSED");
    /** What the demo's shops sell, for the sub-orders' titles. */
    private static final Map<String, String> TITLES = Map.of(
            CongjiangRegistry.TEA.shop(Platform.TAOBAO).shopId(), "月亮山高山云雾绿茶 250g");

    private TaobaoTrades() {}

    static ObjectNode of(Map<String, Object> order) {
        String tid = (String) order.get("orderId");
        String status = (String) order.get("status");
        String amount = (String) order.get("amount");
        Object refunded = order.get("refundedAmount");
        boolean closed = "REFUNDED".equals(status);
        if (!STATUSES.containsKey(status) || order.containsKey("categories") || order.containsKey("crossBorder")
                || refunded != null && !(closed && refunded.equals(amount))) {
            throw new IllegalArgumentException("TOP cannot list order " + tid + " as the standard feed has it");
        }
        OffsetDateTime paidAt = OffsetDateTime.parse((String) order.get("paidAt"));
        ObjectNode trade = JSON.createObjectNode();
        trade.put("tid", Long.parseLong(tid));
        trade.put("tid_str", tid);
        trade.put("status", STATUSES.get(status));
        trade.put("payment", amount);
        trade.put("created", chinaTime(paidAt.minusMinutes(2)));
        trade.put("pay_time", chinaTime(paidAt));
        trade.put("modified", chinaTime(OffsetDateTime.parse((String) order.get("updatedAt"))));
        trade.put("seller_nick", (String) order.get("shopId"));
        if (order.get("buyerHash") != null) {
            trade.put("buyer_open_uid", "AAE" + order.get("buyerHash"));
        }
        trade.put("type", "fixed");
        @SuppressWarnings("unchecked")
        List<String> waybills = (List<String>) order.getOrDefault("waybills", List.of());
        int parts = Math.max(1, waybills.size());
        BigDecimal total = new BigDecimal(amount);
        BigDecimal share = total.divide(BigDecimal.valueOf(parts), 2, RoundingMode.DOWN);
        ArrayNode subOrders = trade.putObject("orders").putArray("order");
        for (int i = 0; i < parts; i++) {
            BigDecimal payment = i < parts - 1 ? share : total.subtract(share.multiply(BigDecimal.valueOf(parts - 1)));
            ObjectNode sub = subOrders.addObject();
            sub.put("oid", Long.parseLong(tid) + i + 1);
            sub.put("title", TITLES.getOrDefault((String) order.get("shopId"), "从江特产"));
            sub.put("num", 1);
            sub.put("payment", payment.toPlainString());
            sub.put("status", STATUSES.get(status));
            sub.put("refund_status", closed ? "SUCCESS" : "NO_REFUND");
            if (!waybills.isEmpty()) {
                String carrier = CarrierNames.carrier(waybills.get(i));
                sub.put("invoice_no", CarrierNames.waybillNo(waybills.get(i)));
                sub.put("logistics_company", CarrierNames.chinese(carrier));
            }
        }
        return trade;
    }

    private static String chinaTime(OffsetDateTime at) {
        return CHINA_TIME.format(at.atZoneSameInstant(MonthOfFeeds.CST).toLocalDateTime());
    }
}

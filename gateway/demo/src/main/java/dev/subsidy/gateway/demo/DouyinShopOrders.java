package dev.subsidy.gateway.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A standard order as 抖店's {@code order.searchList} lists it: amounts in integer fen, times in unix
 * seconds, {@code shop_id} a number, {@code order_status} a code with its description, the sku
 * sub-orders with their after-sale state, and {@code logistics_info} naming each parcel's tracking
 * number and carrier. The buyer arrives as {@code doudian_open_id}, never a phone number.
 * {@code post_addr} is left out: the demo's orders do not say where they go (their parcels do). Only
 * what the {@code douyin-orders} mapping can say as the standard record does is accepted.
 */
final class DouyinShopOrders {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** order_status and its 抖店 description, by standard status. */
    private static final Map<String, Object[]> STATUSES = Map.of("PAID", new Object[] {2, "备货中"},
            "SHIPPED", new Object[] {3, "已发货"}, "COMPLETED", new Object[] {5, "已完成"},
            "REFUNDED", new Object[] {4, "已取消"});

    private DouyinShopOrders() {}

    static ObjectNode of(Map<String, Object> order) {
        String orderId = (String) order.get("orderId");
        String status = (String) order.get("status");
        String amount = (String) order.get("amount");
        Object refunded = order.get("refundedAmount");
        boolean refundedInFull = "REFUNDED".equals(status) && amount.equals(refunded);
        if (!STATUSES.containsKey(status) || order.containsKey("categories") || order.containsKey("merchantId")
                || refunded != null && !refundedInFull || !((String) order.get("shopId")).matches("\\d+")) {
            throw new IllegalArgumentException("抖店 cannot list order " + orderId + " as the standard feed has it");
        }
        long paid = OffsetDateTime.parse((String) order.get("paidAt")).toEpochSecond();
        long fen = new BigDecimal(amount).movePointRight(2).longValueExact();
        ObjectNode o = JSON.createObjectNode();
        o.put("order_id", orderId);
        o.put("shop_id", Long.parseLong((String) order.get("shopId")));
        o.put("order_status", (Integer) STATUSES.get(status)[0]);
        o.put("order_status_desc", (String) STATUSES.get(status)[1]);
        o.put("order_amount", fen);
        o.put("pay_amount", fen);
        o.put("post_amount", 0);
        o.put("promotion_amount", 0);
        o.put("create_time", paid - 90);
        o.put("pay_time", paid);
        o.put("update_time", OffsetDateTime.parse((String) order.get("updatedAt")).toEpochSecond());
        if (order.get("buyerHash") != null) {
            o.put("doudian_open_id", "1@#" + order.get("buyerHash"));
        }
        ObjectNode sku = o.putArray("sku_order_list").addObject();
        sku.put("order_id", Long.toString(Long.parseLong(orderId) + 1)); // a sku's id follows its order's
        sku.put("product_name", "月亮山高山云雾绿茶 礼盒装");
        sku.put("pay_amount", fen);
        sku.put("item_num", 1);
        sku.putObject("after_sale_info").put("after_sale_status", refundedInFull ? 12 : 0)
                .put("refund_status", refundedInFull ? 3 : 0);
        ArrayNode logistics = o.putArray("logistics_info");
        @SuppressWarnings("unchecked")
        List<String> waybills = (List<String>) order.getOrDefault("waybills", List.of());
        for (String waybill : waybills) {
            String carrier = CarrierNames.carrier(waybill);
            logistics.addObject().put("tracking_no", CarrierNames.waybillNo(waybill))
                    .put("company", CarrierNames.code(carrier)).put("company_name", CarrierNames.chinese(carrier));
        }
        return o;
    }
}

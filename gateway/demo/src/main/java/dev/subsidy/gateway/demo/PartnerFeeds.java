package dev.subsidy.gateway.demo;

import java.util.List;
import java.util.Map;

/**
 * The month's records that reach the gateway in the partners' own formats rather than as standard
 * records: kept here as the standard records they stand for (the generator's truth), so the demo
 * can hold what the partner paths make of them to the same figures. The format writers
 * ({@link ZtoTracePushes}, {@link JtBranchExport}, {@link TaobaoTrades}, {@link DouyinShopOrders})
 * turn them into what each partner really sends.
 *
 * @param ztoTraces parcels ZTO collected for 月亮山茶业 whose orders name them: ZTO's trace push
 * @param jtExport parcels the J&amp;T branch (CJ-JT-01) collected: its daily CSV export
 * @param taobaoTrades 月亮山茶业's 淘宝 orders: TOP's {@code taobao.trades.sold.increment.get}
 * @param douyinOrders 月亮山茶业's 抖店 orders: {@code order.searchList}
 */
record PartnerFeeds(List<Map<String, Object>> ztoTraces, List<Map<String, Object>> jtExport,
                    List<Map<String, Object>> taobaoTrades, List<Map<String, Object>> douyinOrders) {

    PartnerFeeds {
        ztoTraces = List.copyOf(ztoTraces);
        jtExport = List.copyOf(jtExport);
        taobaoTrades = List.copyOf(taobaoTrades);
        douyinOrders = List.copyOf(douyinOrders);
    }
}

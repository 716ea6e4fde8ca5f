package dev.subsidy.gateway.demo;

import java.math.BigDecimal;
import java.util.List;

/**
 * A month of feeds for the demo: the standard posts sent before the first close, the late ones sent
 * after it (a refund that revises a published figure), the records that reach the gateway in the
 * partners' own formats instead, and what the gateway must make of all of them.
 */
record DemoFeeds(List<FeedPost> beforeClose, List<FeedPost> afterClose, PartnerFeeds partners, Expected expected,
                 SpecialCases special) {

    DemoFeeds {
        beforeClose = List.copyOf(beforeClose);
        afterClose = List.copyOf(afterClose);
    }

    /**
     * Numbers worked out while generating, by the rules of docs/figures.md, for the demo to check the
     * published figures against.
     *
     * @param ztoOutbound PARCELS_OUTBOUND of the ZTO company in 2026-10
     * @param ztoLocalProducts PARCELS_OUTBOUND_LOCAL_PRODUCTS of the ZTO company in 2026-10
     * @param ztoLocalProductsAfterOctober the same parcels collected later in 2026 (the one at 00:30 on 1 November)
     * @param ztoInbound PARCELS_INBOUND of the ZTO company in 2026-10
     * @param riceSalesBeforeRefund SALES_NET of the rice merchant at the first close
     * @param riceSales SALES_NET of the rice merchant after the late refund
     * @param riceOrders ORDERS of the rice merchant in 2026-10
     * @param teaSales SALES_NET of the tea merchant in 2026-10, all of it read from 淘宝 and 抖店
     * @param teaOrders ORDERS of the tea merchant in 2026-10
     * @param crossBorderParcels PARCELS_CROSS_BORDER of the embroidery merchant in 2026-10
     * @param malformed records the intake must reject, with a reason each
     * @param resent records a second post sends again unchanged (all duplicates)
     */
    record Expected(int ztoOutbound, int ztoLocalProducts, int ztoLocalProductsAfterOctober, int ztoInbound,
                    BigDecimal riceSalesBeforeRefund, BigDecimal riceSales, int riceOrders, BigDecimal teaSales,
                    int teaOrders, int crossBorderParcels, int malformed, int resent) {}

    /** Natural keys ({@code CARRIER:waybillNo}, {@code PLATFORM:orderId}) of the cases the demo shows. */
    record SpecialCases(String novemberParcel, String partlyRefundedOrder, String cancelledOrder,
                        String fullyRefundedOrder, String mismatchedMerchantOrder, List<String> crossBorderParcels,
                        List<String> unattributableParcels, List<String> misroutedParcels,
                        List<String> inboundFromSeptember) {

        SpecialCases {
            crossBorderParcels = List.copyOf(crossBorderParcels);
            unattributableParcels = List.copyOf(unattributableParcels);
            misroutedParcels = List.copyOf(misroutedParcels);
            inboundFromSeptember = List.copyOf(inboundFromSeptember);
        }
    }
}

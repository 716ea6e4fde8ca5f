package dev.subsidy.gateway.e2e;

/**
 * A year (2024) of standard records for the 从江县 registry of {@code CongjiangFixture}, as NDJSON: the
 * tea merchant's 5,100 Taobao orders on ZTO parcels collected at its site (one in ten B2B, one in fifty
 * refunded in part, one in a hundred abroad: enough for the year's parcel and shop awards), the pork
 * shop's 300 PDD orders on SF parcels, 300 SF parcels delivered into the county, and 200 ZTO parcels
 * without an order. Every month holds some of each.
 */
final class YearOfRecords {

    static final String YEAR = "2024";
    static final String MARCH = "2024-03";
    static final int TEA_ORDERS = 5_100;
    static final int PORK_ORDERS = 300;
    static final int INBOUND = 300;
    static final int WITHOUT_ORDER = 200;

    private YearOfRecords() {}

    static String ndjson() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < TEA_ORDERS; i++) {
            String waybill = String.format("7324%010d", i);
            String refund = i % 50 == 0 ? ",\"refundedAmount\":\"10.00\",\"status\":\"REFUNDED\"" : ",\"status\":\"COMPLETED\"";
            String dest = i % 100 == 0 ? "\"destCountry\":\"US\"" : "\"destRegion\":\"440106\"";
            out.append("""
                {"kind":"order","platform":"TAOBAO","orderId":"EV-T-%d","shopId":"tea-001","channel":"%s"%s,\
                "paidAt":"%s10:00:00+08:00","amount":"50.00","waybills":["ZTO:%s"]}
                {"kind":"shipment","carrier":"ZTO","waybillNo":"%s","collectedAt":"%s18:00:00+08:00",\
                "originSite":"CJ-ZTO-01",%s}
                """.formatted(i, i % 10 == 0 ? "B2B" : "B2C", refund, day(i), waybill, waybill, day(i), dest));
        }
        for (int i = 0; i < PORK_ORDERS; i++) {
            String waybill = String.format("SF24%011d", i);
            out.append("""
                {"kind":"order","platform":"PDD","orderId":"EV-R-%d","shopId":"rice-9","channel":"C2C","status":"COMPLETED",\
                "paidAt":"%s11:00:00+08:00","amount":"88.80","waybills":["SF:%s"]}
                {"kind":"shipment","carrier":"SF","waybillNo":"%s","collectedAt":"%s19:00:00+08:00",\
                "originSite":"CJ-SF-01","destRegion":"330106"}
                """.formatted(i, day(i), waybill, waybill, day(i)));
        }
        for (int i = 0; i < INBOUND; i++) {
            out.append("""
                {"kind":"shipment","carrier":"SF","waybillNo":"%s","collectedAt":"%s08:00:00+08:00","originRegion":"440106",\
                "destRegion":"522633101","deliveredAt":"%s20:00:00+08:00","deliverySite":"CJ-SF-01"}
                """.formatted(String.format("SF25%011d", i), day(i), day(i)));
        }
        for (int i = 0; i < WITHOUT_ORDER; i++) {
            out.append("""
                {"kind":"shipment","carrier":"ZTO","waybillNo":"%s","collectedAt":"%s09:00:00+08:00",\
                "originSite":"CJ-ZTO-01","destRegion":"110105"}
                """.formatted(String.format("7325%010d", i), day(i)));
        }
        return out.toString();
    }

    /** {@code 2024-MM-DDT}: the records spread over every month and day of the year's first 28. */
    private static String day(int i) {
        return String.format("2024-%02d-%02dT", 1 + i % 12, 1 + (i / 12) % 28);
    }

    static int records() {
        return 2 * TEA_ORDERS + 2 * PORK_ORDERS + INBOUND + WITHOUT_ORDER;
    }
}

package dev.subsidy.gateway.demo;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The J&amp;T branch's export of the parcels it collected in the month (揽收明细), as a branch's
 * system saves it for Excel: GBK, CRLF, a title line above the Chinese column headers that the
 * {@code standard-csv} mapping reads, China wall-clock times, weights in kilograms, the order as
 * 订单号 and 电商平台. No 快递公司 column: every row is J&amp;T's (the connector's
 * {@code mappingParams.carrier}). One row is broken the way handheld scans break: its 揽收网点 is
 * blank, so the mapping refuses it and the file goes to {@code failed/} with its report, while the
 * other rows are stored.
 */
final class JtBranchExport {

    static final String FILE_NAME = "jt-CJ-JT-01-2026-10.csv";
    static final String TITLE = "极兔速递 从江贯洞网点(CJ-JT-01) 揽收明细 2026-10-01 至 2026-10-31";
    static final List<String> HEADER = List.of("运单号", "揽收时间", "揽收网点", "目的地", "签收时间", "签收网点", "订单号",
            "电商平台", "重量(kg)", "寄件人信用代码");
    /** Where the broken row goes: mid-file, so the report's position means something. */
    static final int BROKEN_ROW = 100;
    static final String BROKEN_WAYBILL = "JT5311099990017";

    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Map<String, String> PLATFORM_NAMES = Map.of("TAOBAO", "淘宝", "TMALL", "天猫", "JD", "京东",
            "PDD", "拼多多", "DOUYIN", "抖音", "KUAISHOU", "快手");

    /** The file's bytes and what it holds. */
    record Export(byte[] bytes, int rows, int brokenRows) {}

    private JtBranchExport() {}

    static Export of(List<Map<String, Object>> parcels) {
        StringBuilder csv = new StringBuilder(TITLE).append("\r\n").append(String.join(",", HEADER)).append("\r\n");
        List<String> rows = new ArrayList<>();
        parcels.forEach(p -> rows.add(row(p)));
        rows.add(Math.min(BROKEN_ROW, rows.size()), String.join(",", BROKEN_WAYBILL, "2026-10-15 17:42:10", "",
                "440106", "", "", "", "", "0.850", ""));
        rows.forEach(r -> csv.append(r).append("\r\n"));
        return new Export(csv.toString().getBytes(FeedEncoder.GBK), rows.size(), 1);
    }

    private static String row(Map<String, Object> parcel) {
        String orderRef = (String) parcel.get("orderRef");
        String platform = orderRef == null ? "" : orderRef.substring(0, orderRef.indexOf(':'));
        Object grams = parcel.get("weightGrams");
        return String.join(",",
                (String) parcel.get("waybillNo"),
                chinaTime(parcel.get("collectedAt")),
                (String) parcel.get("originSite"),
                (String) parcel.get("destRegion"),
                chinaTime(parcel.get("deliveredAt")),
                text(parcel.get("deliverySite")),
                orderRef == null ? "" : orderRef.substring(orderRef.indexOf(':') + 1),
                orderRef == null ? "" : PLATFORM_NAMES.getOrDefault(platform, platform),
                grams == null ? "" : BigDecimal.valueOf(((Number) grams).longValue(), 3).toPlainString(),
                text(parcel.get("shipperId")));
    }

    private static String chinaTime(Object iso) {
        return iso == null ? "" : CHINA_TIME.format(OffsetDateTime.parse((String) iso)
                .atZoneSameInstant(MonthOfFeeds.CST).toLocalDateTime());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}

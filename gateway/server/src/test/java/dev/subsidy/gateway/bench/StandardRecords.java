package dev.subsidy.gateway.bench;

import dev.subsidy.model.CreditCode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The bench's generated standard records, October 2026 in 从江县: record {@code i} is always the same, so any
 * range of keys can be made again as NDJSON, a JSON array, standard CSV or a branch's CSV export without
 * holding the whole feed in memory. Of every ten, {@code ordersInTen} are Taobao orders (all ten for the shops' own
 * bodies), the rest ZTO
 * shipments collected at the county's sites; the orders are spread over {@code shops} shops, each owned by one merchant of {@link #registryJson()}, so that closing the
 * month yields figures for that many merchants.
 */
final class StandardRecords {

    static final String PERIOD = "2026-10";
    static final String EXPRESS_COMPANY = "91522633MA6D0KD01Y";
    private static final String[] DEST = {"440106", "330106", "110101", "310101", "510104"};
    private static final String CSV_HEADER = "kind,carrier,waybillNo,collectedAt,originSite,destRegion,orderRef,"
            + "weightGrams,traceEvents,platform,orderId,shopId,channel,status,paidAt,amount,waybills,categories\n";

    private final int shops;
    private final int ordersInTen;

    StandardRecords(int shops) {
        this(shops, 3);
    }

    StandardRecords(int shops, int ordersInTen) {
        if (shops < 1) {
            throw new IllegalArgumentException("bench: at least one shop, got " + shops);
        }
        if (ordersInTen < 0 || ordersInTen > 10) {
            throw new IllegalArgumentException("bench.orders: 0 to 10 orders in every ten records, got " + ordersInTen);
        }
        this.shops = shops;
        this.ordersInTen = ordersInTen;
    }

    byte[] ndjson(long first, int count) {
        StringBuilder out = new StringBuilder(count * 240);
        for (long i = first; i < first + count; i++) {
            json(out, i).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] jsonArray(long first, int count) {
        StringBuilder out = new StringBuilder(count * 240).append('[');
        for (long i = first; i < first + count; i++) {
            json(out, i).append(i + 1 < first + count ? ",\n" : "");
        }
        return out.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The standard CSV body: one header naming every field either kind uses, a blank cell where a kind has none. */
    byte[] csv(long first, int count) {
        StringBuilder out = new StringBuilder(count * 160).append(CSV_HEADER);
        for (long i = first; i < first + count; i++) {
            SplittableRandom r = new SplittableRandom(i);
            int day = 1 + r.nextInt(28);
            if (isShipment(i)) {
                out.append("shipment,ZTO,").append(waybill(i)).append(',').append(collectedAt(day, r)).append(",CJ-ZTO-0")
                        .append(r.nextInt(4)).append(',').append(DEST[r.nextInt(DEST.length)]).append(",TAOBAO:")
                        .append(i).append(',').append(200 + r.nextInt(3000)).append(',').append(3 + r.nextInt(6))
                        .append(",,,,,,,,,\n");
            } else {
                out.append("order,,,,,,,,,TAOBAO,").append(i).append(',').append(shop(i)).append(",B2C,COMPLETED,")
                        .append(paidAt(day)).append(',').append(amount(r)).append(",ZTO:").append(waybill(i))
                        .append(",AGRICULTURAL\n");
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A ZTO branch's export in the columns of the {@code standard-csv} mapping (shipments only). */
    byte[] branchCsv(long first, int count) {
        StringBuilder out = new StringBuilder(count * 80).append("运单号,揽收时间,揽收网点,目的地,重量(kg)\n");
        for (long i = first; i < first + count; i++) {
            SplittableRandom r = new SplittableRandom(i);
            out.append(waybill(i)).append(",2026-10-").append(two(1 + r.nextInt(28))).append(" 10:")
                    .append(two(r.nextInt(60))).append(":00,CJ-ZTO-0").append(r.nextInt(4)).append(',')
                    .append(DEST[r.nextInt(DEST.length)]).append(',').append(1 + r.nextInt(30)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The registry the records attribute to: one express company with the sites, one merchant per shop. */
    String registryJson() {
        StringBuilder out = new StringBuilder(shops * 200).append('[');
        out.append("{\"type\":\"EXPRESS_COMPANY\",\"id\":\"").append(EXPRESS_COMPANY).append("\",\"name\":\"从江中通快递有限公司\",")
                .append("\"region\":\"522633100\",\"registeredOn\":\"2019-03-01\",\"taxRegistered\":true,")
                .append("\"carriers\":[\"ZTO\"],\"sites\":[");
        for (int s = 0; s < 4; s++) {
            out.append(s == 0 ? "" : ",").append("{\"carrier\":\"ZTO\",\"siteCode\":\"CJ-ZTO-0").append(s)
                    .append("\",\"region\":\"522633100\"}");
        }
        out.append("]}");
        for (int m = 0; m < shops; m++) {
            out.append(",\n{\"type\":\"MERCHANT\",\"id\":\"").append(merchant(m)).append("\",\"name\":\"从江商户")
                    .append(m).append("\",\"region\":\"522633100\",\"registeredOn\":\"2020-01-15\",")
                    .append("\"taxRegistered\":true,\"sizeClass\":\"BELOW\",\"categories\":[\"AGRICULTURAL\"],")
                    .append("\"shops\":[{\"platform\":\"TAOBAO\",\"shopId\":\"shop-").append(m).append("\"}]}");
        }
        return out.append(']').toString();
    }

    boolean isShipment(long i) {
        return i % 10 < 10 - ordersInTen;
    }

    private StringBuilder json(StringBuilder out, long i) {
        SplittableRandom r = new SplittableRandom(i);
        int day = 1 + r.nextInt(28);
        if (isShipment(i)) {
            return out.append("{\"kind\":\"shipment\",\"carrier\":\"ZTO\",\"waybillNo\":\"").append(waybill(i))
                    .append("\",\"collectedAt\":\"").append(collectedAt(day, r)).append("\",\"originSite\":\"CJ-ZTO-0")
                    .append(r.nextInt(4)).append("\",\"destRegion\":\"").append(DEST[r.nextInt(DEST.length)])
                    .append("\",\"orderRef\":\"TAOBAO:").append(i).append("\",\"weightGrams\":")
                    .append(200 + r.nextInt(3000)).append(",\"traceEvents\":").append(3 + r.nextInt(6)).append('}');
        }
        return out.append("{\"kind\":\"order\",\"platform\":\"TAOBAO\",\"orderId\":\"").append(i)
                .append("\",\"shopId\":\"").append(shop(i)).append("\",\"channel\":\"B2C\",\"status\":\"COMPLETED\",")
                .append("\"paidAt\":\"").append(paidAt(day)).append("\",\"amount\":\"").append(amount(r))
                .append("\",\"waybills\":[\"ZTO:").append(waybill(i)).append("\"],\"categories\":[\"AGRICULTURAL\"]}");
    }

    /** Orders are the last records of every ten: their ordinal, not {@code i}, picks the shop so all shops get some. */
    private String shop(long i) {
        return "shop-" + ((i / 10 * ordersInTen + i % 10 - (10 - ordersInTen)) % shops);
    }

    static String merchant(int m) {
        String first17 = "92522633MA" + String.format("%07d", m);
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static String waybill(long i) {
        return "73" + String.format("%012d", i);
    }

    private static String collectedAt(int day, SplittableRandom r) {
        return "2026-10-" + two(day) + "T10:" + two(r.nextInt(60)) + ":00+08:00";
    }

    private static String paidAt(int day) {
        return "2026-10-" + two(day) + "T09:00:00+08:00";
    }

    private static String amount(SplittableRandom r) {
        return (10 + r.nextInt(500)) + "." + two(r.nextInt(100));
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}

package dev.subsidy.gateway.intake.warmup;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Standard records made up for the intake's warm-up ({@link IntakeWarmUp}): valid, shaped as feeds send them
 * (seven ZTO shipments to three Taobao orders), in each format a feed posts. They are read, checked and stored in
 * transactions that are rolled back: never kept.
 */
final class WarmUpFeed {

    private static final String[] DEST = {"440106", "330106", "110101", "310101", "510104"};
    private static final String CSV_HEADER = "kind,carrier,waybillNo,collectedAt,originSite,destRegion,orderRef,"
            + "weightGrams,traceEvents,platform,orderId,shopId,channel,status,paidAt,amount,waybills,categories\n";

    /** The day the records happened on: the day before the gateway starts, so no time is in the future. */
    private final String day;

    WarmUpFeed(LocalDate today) {
        this.day = today.minusDays(1).toString();
    }

    byte[] ndjson(int first, int count) {
        StringBuilder out = new StringBuilder(count * 240);
        for (int i = first; i < first + count; i++) {
            json(out, i).append('\n');
        }
        return bytes(out);
    }

    byte[] jsonArray(int first, int count) {
        StringBuilder out = new StringBuilder(count * 240).append('[');
        for (int i = first; i < first + count; i++) {
            json(out, i).append(i + 1 < first + count ? ",\n" : "");
        }
        return bytes(out.append(']'));
    }

    byte[] csv(int first, int count) {
        StringBuilder out = new StringBuilder(count * 160).append(CSV_HEADER);
        for (int i = first; i < first + count; i++) {
            SplittableRandom r = new SplittableRandom(i);
            if (isShipment(i)) {
                out.append("shipment,ZTO,").append(waybill(i)).append(',').append(at(r)).append(",CJ-ZTO-0")
                        .append(r.nextInt(4)).append(',').append(DEST[r.nextInt(DEST.length)]).append(",TAOBAO:")
                        .append(i).append(',').append(200 + r.nextInt(3000)).append(',').append(3 + r.nextInt(6))
                        .append(",,,,,,,,,\n");
            } else {
                out.append("order,,,,,,,,,TAOBAO,").append(i).append(",shop-").append(i % 100)
                        .append(",B2C,COMPLETED,").append(at(r)).append(',').append(amount(r)).append(",ZTO:")
                        .append(waybill(i)).append(",AGRICULTURAL\n");
            }
        }
        return bytes(out);
    }

    private StringBuilder json(StringBuilder out, int i) {
        SplittableRandom r = new SplittableRandom(i);
        if (isShipment(i)) {
            return out.append("{\"kind\":\"shipment\",\"carrier\":\"ZTO\",\"waybillNo\":\"").append(waybill(i))
                    .append("\",\"collectedAt\":\"").append(at(r)).append("\",\"originSite\":\"CJ-ZTO-0")
                    .append(r.nextInt(4)).append("\",\"destRegion\":\"").append(DEST[r.nextInt(DEST.length)])
                    .append("\",\"orderRef\":\"TAOBAO:").append(i).append("\",\"weightGrams\":")
                    .append(200 + r.nextInt(3000)).append(",\"traceEvents\":").append(3 + r.nextInt(6)).append('}');
        }
        return out.append("{\"kind\":\"order\",\"platform\":\"TAOBAO\",\"orderId\":\"").append(i)
                .append("\",\"shopId\":\"shop-").append(i % 100).append("\",\"channel\":\"B2C\",\"status\":\"COMPLETED\",")
                .append("\"paidAt\":\"").append(at(r)).append("\",\"amount\":\"").append(amount(r))
                .append("\",\"waybills\":[\"ZTO:").append(waybill(i)).append("\"],\"categories\":[\"AGRICULTURAL\"]}");
    }

    private static boolean isShipment(int i) {
        return i % 10 < 7;
    }

    private static String waybill(int i) {
        return "73" + String.format("%012d", i);
    }

    private String at(SplittableRandom r) {
        return day + "T" + two(8 + r.nextInt(12)) + ":" + two(r.nextInt(60)) + ":00+08:00";
    }

    private static String amount(SplittableRandom r) {
        return (10 + r.nextInt(500)) + "." + two(r.nextInt(100));
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static byte[] bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}

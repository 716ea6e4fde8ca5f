package dev.subsidy.gateway.demo;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Platform;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds standard records (docs/api.md) as field maps, with identifiers shaped like each
 * carrier's waybills and each marketplace's order numbers (config/connectors/examples/README.md, connectors/partners/CARRIERS.md), so the
 * demo's records read like real exports. Field order is fixed, which keeps the encoded bodies
 * byte-for-byte reproducible.
 */
final class RecordFactory {

    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final Random random;
    private final Map<Carrier, Long> waybillSeq = new EnumMap<>(Carrier.class);
    private final Map<Platform, Long> orderSeq = new EnumMap<>(Platform.class);

    RecordFactory(Random random) {
        this.random = random;
    }

    /** A new waybill number in the carrier's usual shape. */
    String waybill(Carrier carrier) {
        long n = waybillSeq.merge(carrier, 1L, Long::sum);
        return switch (carrier) {
            case ZTO -> "75" + "%012d".formatted(104_556_000_000L + n * 13);   // 14 digits from 73–76, 78
            case SF -> "SF" + "%013d".formatted(1_402_338_000_000L + n * 17);
            case YUNDA -> "%013d".formatted(4_312_070_000_000L + n * 7);
            case JT -> "JT" + "%013d".formatted(5_311_000_000_000L + n * 11);
            case EMS -> "%013d".formatted(9_800_214_000_000L + n * 3);
            default -> carrier.name() + "%012d".formatted(n);
        };
    }

    /** An international EMS item number (UPU S10: EA + 8 digits + check digit + CN). */
    String s10(long serial) {
        String digits = "%08d".formatted(serial);
        int[] weights = {8, 6, 4, 2, 3, 5, 9, 7};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        check = check == 10 ? 0 : check == 11 ? 5 : check;
        return "EA" + digits + check + "CN";
    }

    /** A new order number in the platform's usual shape. */
    String orderId(Platform platform, OffsetDateTime paidAt) {
        // Tmall orders are Taobao orders: one number space
        Platform space = platform == Platform.TMALL ? Platform.TAOBAO : platform;
        long n = orderSeq.merge(space, 1L, Long::sum);
        return switch (space) {
            case TAOBAO -> Long.toString(3_541_208_190_000_000_000L + n * 7919);
            case PDD -> paidAt.format(DateTimeFormatter.ofPattern("yyMMdd")) + "-" + "%015d".formatted(31_270_442_000_000L + n * 61);
            case JD -> Long.toString(304_125_000_000L + n * 31);
            case DOUYIN -> Long.toString(6_927_304_100_000_000_000L + n * 131);
            case KUAISHOU -> Long.toString(2_410_377_000_000_000L + n * 97);
            default -> platform.name() + n;
        };
    }

    /** A buyer's hashed phone number, as marketplaces hand them out: never the number itself. */
    String buyerHash() {
        return "%016x".formatted(random.nextLong());
    }

    static Map<String, Object> shipment(Carrier carrier, String waybillNo, OffsetDateTime collectedAt) {
        return shipment(carrier.name(), waybillNo, collectedAt);
    }

    /** The carrier as text, so a malformed record can name one the gateway does not know. */
    static Map<String, Object> shipment(String carrier, String waybillNo, OffsetDateTime collectedAt) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", "shipment");
        s.put("carrier", carrier);
        s.put("waybillNo", waybillNo);
        s.put("collectedAt", ISO.format(collectedAt));
        return s;
    }

    static Map<String, Object> order(Platform platform, String orderId, String shopId, String channel, String status,
                                     OffsetDateTime paidAt, BigDecimal amount) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("kind", "order");
        o.put("platform", platform.name());
        o.put("orderId", orderId);
        o.put("shopId", shopId);
        o.put("channel", channel);
        o.put("status", status);
        if (paidAt != null) {
            o.put("paidAt", ISO.format(paidAt));
        }
        o.put("amount", amount.toPlainString());
        return o;
    }

    static String ref(Platform platform, String orderId) {
        return platform.name() + ":" + orderId;
    }

    static String ref(Carrier carrier, String waybillNo) {
        return carrier.name() + ":" + waybillNo;
    }

    static void put(Map<String, Object> record, String field, OffsetDateTime time) {
        record.put(field, ISO.format(time));
    }

    static void putList(Map<String, Object> record, String field, List<String> items) {
        record.put(field, List.copyOf(items));
    }
}

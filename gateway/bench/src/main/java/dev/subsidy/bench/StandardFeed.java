package dev.subsidy.bench;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Subject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * Standard records (docs/records.md) as a month of 从江县's feeds would post them, one NDJSON line
 * each, from a fixed seed so every run benchmarks the same text. Records come in blocks of ten:
 * three parcels collected at the county's sites for orders of its shops (now and then one going abroad),
 * the three orders behind them, and four parcels with no order in the feed — outbound, inbound to a town,
 * local, passing by (neither end inside) or collected at a site nobody registered. Orders are mostly
 * completed, some refunded in part or in full or cancelled, a few from a shop registered outside the
 * county or not registered at all. Every record is valid: what is measured is the path a record takes
 * when it is accepted.
 */
final class StandardFeed {

    /** Collection days of October 2026, so that deliveries and payments stay in the month. */
    private static final int FIRST_DAY = 2;
    private static final int LAST_DAY = 27;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+08:00'");
    private static final List<String> ABROAD = List.of("MY", "TH", "SG", "US");
    private static final List<Carrier> FOREIGN_CARRIERS = List.of(Carrier.ZTO, Carrier.YTO, Carrier.STO, Carrier.SF,
            Carrier.YUNDA, Carrier.JD);

    private final Random random;
    private final List<Congjiang.Shop> localShops = Congjiang.localShops();
    private final List<Congjiang.Shop> outsideShops = Congjiang.outsideShops();
    private long serial;

    StandardFeed(long seed) {
        this.random = new Random(seed);
    }

    /** {@code records} lines of shipments and orders (seven in ten shipments), ending each with a newline. */
    static String mixed(int records) {
        return new StandardFeed(11).lines(records, null);
    }

    /** {@code records} lines of shipments only. */
    static String shipments(int records) {
        return new StandardFeed(11).lines(records, "shipment");
    }

    /** {@code records} lines of orders only. */
    static String orders(int records) {
        return new StandardFeed(11).lines(records, "order");
    }

    private String lines(int records, String onlyKind) {
        StringBuilder out = new StringBuilder(records * 260);
        int written = 0;
        while (written < records) {
            for (String line : block()) {
                if (written < records && (onlyKind == null || line.startsWith("{\"kind\":\"" + onlyKind + "\""))) {
                    out.append(line).append('\n');
                    written++;
                }
            }
        }
        return out.toString();
    }

    /** Ten records: three sold parcels with their orders, then four parcels without one. */
    private List<String> block() {
        String[] lines = new String[10];
        for (int k = 0; k < 3; k++) {
            Congjiang.Shop shop = shop();
            Subject.Site site = site();
            String waybill = waybill(site.carrier());
            String orderId = orderId(shop);
            LocalDateTime collected = collectionTime();
            boolean abroad = random.nextInt(100) < 3;
            StringBuilder s = shipment(site.carrier(), waybill, collected).append(",\"originSite\":\"")
                    .append(site.siteCode()).append('"');
            destination(s, abroad);
            s.append(",\"orderRef\":\"").append(shop.platform()).append(':').append(orderId).append('"');
            if (shop.merchantId() != null) {
                s.append(",\"shipperId\":\"").append(shop.merchantId()).append('"');
            }
            lines[k] = finish(s, collected.plusHours(6));
            lines[3 + k] = order(shop, orderId, site.carrier() + ":" + waybill, collected.minusHours(1 + random.nextInt(20)),
                    abroad);
        }
        for (int k = 6; k < 10; k++) {
            lines[k] = unsoldParcel();
        }
        return List.of(lines);
    }

    private String unsoldParcel() {
        int kind = random.nextInt(100);
        LocalDateTime collected = collectionTime();
        if (kind < 40) { // outbound without an order in the feed
            Subject.Site site = site();
            StringBuilder s = shipment(site.carrier(), waybill(site.carrier()), collected).append(",\"originSite\":\"")
                    .append(site.siteCode()).append('"');
            destination(s, false);
            return finish(s, collected.plusHours(6));
        }
        if (kind < 70) { // inbound: collected outside, delivered at a town of the county
            Subject.Site site = site();
            LocalDateTime delivered = collected.plusHours(30 + random.nextInt(60));
            StringBuilder s = shipment(site.carrier(), waybill(site.carrier()), collected).append(",\"originRegion\":\"")
                    .append(outside()).append("\",\"destRegion\":\"").append(town()).append("\",\"deliveredAt\":\"")
                    .append(ISO.format(delivered)).append("\",\"deliverySite\":\"").append(site.siteCode()).append('"');
            return finish(s, delivered);
        }
        if (kind < 85) { // local: collected and delivered inside
            Subject.Site site = site();
            LocalDateTime delivered = collected.plusHours(20 + random.nextInt(30));
            String town = town();
            StringBuilder s = shipment(site.carrier(), waybill(site.carrier()), collected).append(",\"originSite\":\"")
                    .append(site.siteCode()).append("\",\"destRegion\":\"").append(town).append("\",\"deliveredAt\":\"")
                    .append(ISO.format(delivered)).append("\",\"deliveredRegion\":\"").append(town).append('"');
            return finish(s, delivered);
        }
        Carrier carrier = FOREIGN_CARRIERS.get(random.nextInt(FOREIGN_CARRIERS.size()));
        StringBuilder s = shipment(carrier, waybill(carrier), collected);
        if (kind < 95) { // passing by: neither end inside
            s.append(",\"originRegion\":\"").append(outside()).append("\",\"destRegion\":\"").append(outside()).append('"');
        } else { // collected at a site the registry does not know
            s.append(",\"originSite\":\"GZ-").append(carrier).append('-').append(random.nextInt(90) + 10)
                    .append("\",\"destRegion\":\"").append(outside()).append('"');
        }
        return finish(s, collected.plusHours(6));
    }

    private StringBuilder shipment(Carrier carrier, String waybill, LocalDateTime collected) {
        return new StringBuilder(280).append("{\"kind\":\"shipment\",\"carrier\":\"").append(carrier)
                .append("\",\"waybillNo\":\"").append(waybill).append("\",\"collectedAt\":\"").append(ISO.format(collected))
                .append('"');
    }

    private void destination(StringBuilder s, boolean abroad) {
        if (abroad) {
            s.append(",\"destCountry\":\"").append(ABROAD.get(random.nextInt(ABROAD.size()))).append('"');
        } else {
            s.append(",\"destRegion\":\"").append(outside()).append('"');
        }
    }

    private String finish(StringBuilder s, LocalDateTime updated) {
        return s.append(",\"weightGrams\":").append(200 + random.nextInt(4800)).append(",\"traceEvents\":")
                .append(3 + random.nextInt(7)).append(",\"updatedAt\":\"").append(ISO.format(updated)).append("\"}")
                .toString();
    }

    private String order(Congjiang.Shop shop, String orderId, String waybill, LocalDateTime paid, boolean abroad) {
        int cents = 990 + random.nextInt(49_000);
        int state = random.nextInt(100);
        String status = state < 82 ? "COMPLETED" : state < 88 ? "SHIPPED" : state < 97 ? "REFUNDED" : "CANCELLED";
        int refunded = !"REFUNDED".equals(status) ? 0 : state < 93 ? cents / 3 : cents;
        StringBuilder o = new StringBuilder(320).append("{\"kind\":\"order\",\"platform\":\"").append(shop.platform())
                .append("\",\"orderId\":\"").append(orderId).append("\",\"shopId\":\"").append(shop.shopId()).append('"');
        if (shop.merchantId() != null && random.nextBoolean()) {
            o.append(",\"merchantId\":\"").append(shop.merchantId()).append('"');
        }
        o.append(",\"channel\":\"").append(random.nextInt(10) < 7 ? "B2C" : "C2C").append("\",\"status\":\"")
                .append(status).append("\",\"paidAt\":\"").append(ISO.format(paid)).append("\",\"amount\":\"")
                .append(yuan(cents)).append('"');
        if (refunded > 0) {
            o.append(",\"refundedAmount\":\"").append(yuan(refunded)).append('"');
        }
        o.append(",\"waybills\":[\"").append(waybill).append("\"]");
        if (random.nextInt(10) < 6) {
            o.append(",\"categories\":[\"AGRICULTURAL\"]");
        }
        if (abroad) {
            o.append(",\"crossBorder\":true");
        } else {
            o.append(",\"destRegion\":\"").append(outside()).append('"');
        }
        return o.append(",\"buyerHash\":\"").append(Long.toHexString(random.nextLong() | Long.MIN_VALUE))
                .append(Long.toHexString(random.nextLong() | Long.MIN_VALUE)).append("\",\"updatedAt\":\"")
                .append(ISO.format(paid.plusHours(2))).append("\"}").toString();
    }

    /** Nine in ten orders from the county's shops; the others from outside or from a shop nobody registered. */
    private Congjiang.Shop shop() {
        int n = random.nextInt(100);
        if (n < 90) {
            return localShops.get(random.nextInt(localShops.size()));
        }
        if (n < 95) {
            return outsideShops.get(random.nextInt(outsideShops.size()));
        }
        Congjiang.Shop any = localShops.get(random.nextInt(localShops.size()));
        return new Congjiang.Shop(any.platform(), "unregistered-" + random.nextInt(50), null);
    }

    private Subject.Site site() {
        return Congjiang.SITES.get(random.nextInt(Congjiang.SITES.size()));
    }

    private String outside() {
        return Congjiang.OUTSIDE.get(random.nextInt(Congjiang.OUTSIDE.size()));
    }

    private String town() {
        return Congjiang.TOWNS.get(random.nextInt(Congjiang.TOWNS.size()));
    }

    private LocalDateTime collectionTime() {
        return LocalDateTime.of(2026, 10, FIRST_DAY + random.nextInt(LAST_DAY - FIRST_DAY + 1), 8 + random.nextInt(13),
                random.nextInt(60), random.nextInt(60));
    }

    /** A waybill number in its carrier's shape, unique in the feed. */
    private String waybill(Carrier carrier) {
        long n = ++serial;
        return switch (carrier) {
            case ZTO -> "73" + digits(n, 12);
            case SF -> "SF" + digits(n, 13);
            case YTO -> "YT" + digits(n, 13);
            case STO -> "77" + digits(n, 13);
            case YUNDA -> "43" + digits(n, 11);
            case JT -> "JT" + digits(n, 13);
            case JD -> "JDX" + digits(n, 12);
            case EMS -> "11" + digits(n, 11);
            default -> "X" + digits(n, 12);
        };
    }

    private String orderId(Congjiang.Shop shop) {
        long n = ++serial;
        return switch (shop.platform()) {
            case TAOBAO, TMALL -> "37" + digits(n, 14);
            case PDD -> "261015-" + digits(n, 15);
            case JD -> "30" + digits(n, 10);
            case DOUYIN -> "69" + digits(n, 17);
            default -> digits(n, 16);
        };
    }

    private static String digits(long n, int width) {
        String text = Long.toString(n);
        return "0".repeat(Math.max(0, width - text.length())) + text;
    }

    private static String yuan(int cents) {
        return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
    }
}

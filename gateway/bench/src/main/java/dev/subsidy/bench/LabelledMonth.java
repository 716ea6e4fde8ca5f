package dev.subsidy.bench;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Channel;
import dev.subsidy.model.OrderStatus;
import dev.subsidy.model.PaymentMethod;
import dev.subsidy.model.Period;
import dev.subsidy.model.Platform;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Scan;
import dev.subsidy.model.ScanType;
import dev.subsidy.model.Shipment;
import dev.subsidy.model.SizeClass;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import dev.subsidy.model.WaybillShape;
import dev.subsidy.verification.RecordSource;
import dev.subsidy.verification.SourceVersion;
import dev.subsidy.verification.StoredOrder;
import dev.subsidy.verification.StoredShipment;
import dev.subsidy.verification.TrustLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A labelled month of one county (从江, November 2026), seeded: honest traffic from nine carriers and
 * four marketplaces with the honest look-alikes of fraud (a live-stream burst at one price, document
 * envelopes, same-day local parcels, cash on delivery, merged shipping, exchanges, returns, genuine
 * cross-border parcels, carriers' own re-sends and updates), and planted cases of every fraud family.
 * Each record is labelled honest or with its family, so a bench can say what the rules catch.
 *
 * <p>Made for measuring, not for tuning to: the families follow their description in the issue and
 * docs/verification.md, with randomised sizes, times and shapes.
 */
public final class LabelledMonth implements RecordSource {

    public static final Period MONTH = Period.parse("2026-11");
    static final String CARRIER_FEED = "carrier-push";
    static final String MARKET_FEED = "marketplace-pull";
    static final String EXPORT_FEED = "merchant-export";

    /** The planted families, as the issue lists them. */
    public enum Family {
        BRUSHING, EMPTY_PARCEL, INBOUND_AS_OUTBOUND, SAME_PARCEL_TWICE, REFUNDED_CLAIMED, WAYBILL_SHAPE,
        CROSS_BORDER_UNPROVEN, IMPOSSIBLE_TIMELINE
    }

    private final Random random;
    private final List<Subject> subjects = new ArrayList<>(Congjiang.subjects());
    private final Map<Carrier, String> siteOf = new EnumMap<>(Carrier.class);
    private final List<StoredShipment> shipments = new ArrayList<>();
    private final Map<String, StoredOrder> orders = new LinkedHashMap<>();
    private final Map<String, List<SourceVersion<Shipment>>> shipmentHistory = new HashMap<>();
    private final Map<String, List<SourceVersion<SalesOrder>>> orderHistory = new HashMap<>();
    private final Map<String, Family> labels = new HashMap<>();
    private final Map<String, Integer> serials = new HashMap<>();
    private final List<Congjiang.Shop> shops = Congjiang.localShops();
    private long buyerSerial;

    /** Honest orders (each with its parcels) and planted records per family. */
    public LabelledMonth(long seed, int honestOrders, int plantedPerFamily) {
        this.random = new Random(seed);
        registerOtherCarriers();
        for (int i = 0; i < honestOrders; i++) {
            honestOrder();
        }
        liveStreamBurst(200);
        for (int i = 0; i < honestOrders / 10; i++) {
            honestParcelWithoutOrder();
        }
        for (int i = 0; i < honestOrders / 12; i++) {
            inboundParcel();
        }
        for (Family family : Family.values()) {
            int planted = 0;
            while (planted < plantedPerFamily) {
                planted += plant(family);
            }
        }
        shipments.sort(Comparator.comparing(s -> s.record().naturalKey()));
    }

    public List<Subject> subjects() {
        return List.copyOf(subjects);
    }

    /** The family a record was planted for, or null when it is honest; by "shipment:KEY" or "order:KEY". */
    public Family label(String kindAndKey) {
        return labels.get(kindAndKey);
    }

    public static TrustLevel trust(String connector) {
        return switch (connector) {
            case CARRIER_FEED -> TrustLevel.CARRIER;
            case MARKET_FEED -> TrustLevel.MARKETPLACE;
            default -> TrustLevel.EXPORT;
        };
    }

    @Override
    public List<StoredShipment> shipments(Period period) {
        return shipments;
    }

    @Override
    public Map<String, StoredOrder> orders(Period period, Collection<StoredShipment> loaded) {
        return orders;
    }

    @Override
    public Map<String, List<SourceVersion<Shipment>>> shipmentHistory(Period period) {
        return shipmentHistory;
    }

    @Override
    public Map<String, List<SourceVersion<SalesOrder>>> orderHistory(Period period) {
        return orderHistory;
    }

    // ---------------------------------------------------------------- honest traffic

    private static final List<Carrier> CARRIERS = List.of(Carrier.ZTO, Carrier.SF, Carrier.YUNDA, Carrier.JT,
            Carrier.EMS, Carrier.YTO, Carrier.STO, Carrier.JD, Carrier.CAINIAO);

    private void registerOtherCarriers() {
        siteOf.put(Carrier.ZTO, "CJ-ZTO-01");
        siteOf.put(Carrier.SF, "CJ-SF-01");
        siteOf.put(Carrier.YUNDA, "CJ-YD-01");
        siteOf.put(Carrier.JT, "CJ-JT-01");
        siteOf.put(Carrier.EMS, "CJ-EMS-01");
        int n = 6;
        for (Carrier c : List.of(Carrier.YTO, Carrier.STO, Carrier.JD, Carrier.CAINIAO)) {
            String site = "CJ-" + c.name() + "-01";
            siteOf.put(c, site);
            subjects.add(new Subject(SubjectType.EXPRESS_COMPANY, Congjiang.code("91522633MA6DKD00" + n++),
                    "从江" + c.chineseName() + "公司", Congjiang.BINGMEI, LocalDate.of(2020, 1, 1), true, SizeClass.BELOW,
                    List.of(), List.of(), List.of(new Subject.Site(c, site, Congjiang.BINGMEI)), List.of(c), Map.of()));
        }
    }

    private Instant paidTime() {
        // daytime-weighted instants of November in China time
        int day = random.nextInt(30);
        int minute = 8 * 60 + random.nextInt(15 * 60);
        return MONTH.start().plus(Duration.ofDays(day)).plus(Duration.ofMinutes(minute)).plusSeconds(random.nextInt(60));
    }

    private String buyer() {
        return "b" + Long.toHexString(0x9e3779b97f4a7c15L * (++buyerSerial + 17)).substring(0, 12);
    }

    private BigDecimal amount(int low, int high) {
        return BigDecimal.valueOf(low * 100L + random.nextInt((high - low) * 100)).movePointLeft(2).setScale(2);
    }

    private void honestOrder() {
        Congjiang.Shop shop = shops.get(random.nextInt(shops.size()));
        Instant paid = paidTime();
        BigDecimal amount = amount(15, 600);
        int kind = random.nextInt(100);
        String buyer = buyer();
        if (kind < 3) {
            // cancelled before shipping: counts nothing, ships nothing
            order(shop, null, amount, BigDecimal.ZERO.setScale(2), OrderStatus.CANCELLED, List.of(), buyer, null,
                    null, MARKET_FEED);
            return;
        }
        Carrier carrier = CARRIERS.get(random.nextInt(CARRIERS.size()));
        boolean cod = kind < 6;
        Instant collected = paid.plus(Duration.ofMinutes(cod ? 60 + random.nextInt(600) : 90 + random.nextInt(1800)));
        if (cod) {
            // cash on delivery: ordered, shipped, paid when signed for
            collected = paid.plus(Duration.ofMinutes(60 + random.nextInt(600)));
        }
        String destRegion = Congjiang.OUTSIDE.get(random.nextInt(Congjiang.OUTSIDE.size()));
        boolean local = kind >= 6 && kind < 10;
        if (local) {
            destRegion = Congjiang.TOWNS.get(random.nextInt(Congjiang.TOWNS.size()));
        }
        boolean crossBorder = kind >= 10 && kind < 13;
        String country = null;
        String waybill = waybill(carrier);
        if (crossBorder) {
            destRegion = null;
            country = List.of("US", "JP", "MY", "SG", "DE").get(random.nextInt(5));
            if (carrier == Carrier.CAINIAO) {
                waybill = "LP" + digits(14);
            } else {
                carrier = Carrier.EMS;
                waybill = s10(country);
            }
        }
        Duration transit = local ? Duration.ofMinutes(150 + random.nextInt(400))
                : crossBorder ? Duration.ofHours(72 + random.nextInt(200)) : Duration.ofHours(20 + random.nextInt(70));
        Instant delivered = collected.plus(transit);
        int grams = kind >= 13 && kind < 16 ? 20 + random.nextInt(41) : 200 + random.nextInt(4800);
        Shipment parcel = parcel(carrier, waybill, collected, destRegion, country, delivered,
                local ? destRegion : null, null, grams, local ? 3 + random.nextInt(2) : 5 + random.nextInt(6),
                crossBorder ? ScanType.CUSTOMS : null);
        if (cod) {
            paid = delivered.plus(Duration.ofMinutes(random.nextInt(30)));
        }
        String orderId = shop.platform() + ":" + orderNo(shop.platform());
        OrderStatus status = OrderStatus.COMPLETED;
        BigDecimal refunded = BigDecimal.ZERO.setScale(2);
        if (kind >= 16 && kind < 19) {
            status = OrderStatus.REFUNDED; // a return: refunded in full, the platform says how much
            refunded = amount;
        } else if (kind >= 19 && kind < 22) {
            refunded = amount.divide(BigDecimal.valueOf(3), 2, RoundingMode.DOWN); // a partial refund
        }
        parcel = withOrder(parcel, orderId);
        List<String> waybills = new ArrayList<>(List.of(parcel.naturalKey()));
        if (kind >= 22 && kind < 24) {
            // an exchange: a second parcel for the same order days later
            Shipment exchange = withOrder(parcel(carrier == Carrier.EMS && crossBorder ? Carrier.ZTO : carrier,
                    waybill(carrier == Carrier.EMS && crossBorder ? Carrier.ZTO : carrier),
                    delivered.plus(Duration.ofDays(2)), destRegion == null ? Congjiang.OUTSIDE.get(0) : destRegion, null,
                    delivered.plus(Duration.ofDays(4)), null, null, 800, 6, null), orderId);
            if (exchange.collectedAt().isBefore(MONTH.end())) {
                keepShipment(exchange, CARRIER_FEED, null);
                waybills.add(exchange.naturalKey());
            }
        }
        SalesOrder order = order(shop, paid, amount, refunded, status, waybills, buyer, cod ? PaymentMethod.COD : null,
                orderId.substring(orderId.indexOf(':') + 1), null);
        if (crossBorder) {
            order = crossBorder(order, country);
        }
        keepOrder(order, MARKET_FEED, null);
        if (kind >= 24 && kind < 27) {
            // merged shipping: a second order of the same buyer at the same shop in the same parcel
            SalesOrder second = order(shop, paid.plusSeconds(120), amount(10, 80), BigDecimal.ZERO.setScale(2),
                    OrderStatus.COMPLETED, List.of(parcel.naturalKey()), buyer, null, null, null);
            keepOrder(second, MARKET_FEED, null);
        }
        if (collected.isBefore(MONTH.end())) {
            keepShipment(parcel, CARRIER_FEED, kind >= 27 && kind < 40 ? withoutDelivery(parcel) : null);
        }
    }

    private void liveStreamBurst(int count) {
        Congjiang.Shop shop = shops.get(0);
        Instant start = MONTH.start().plus(Duration.ofDays(11)).plus(Duration.ofHours(12));
        BigDecimal price = new BigDecimal("39.90");
        for (int i = 0; i < count; i++) {
            Instant paid = start.plusSeconds(random.nextInt(1800));
            Carrier carrier = Carrier.ZTO;
            String orderNo = orderNo(shop.platform());
            Shipment parcel = withOrder(parcel(carrier, waybill(carrier), paid.plus(Duration.ofHours(20)),
                    Congjiang.OUTSIDE.get(random.nextInt(8)), null, paid.plus(Duration.ofHours(70)), null, null,
                    600 + random.nextInt(400), 6, null), shop.platform() + ":" + orderNo);
            keepShipment(parcel, CARRIER_FEED, null);
            keepOrder(order(shop, paid, price, BigDecimal.ZERO.setScale(2), OrderStatus.COMPLETED,
                    List.of(parcel.naturalKey()), buyer(), null, orderNo, null), MARKET_FEED, null);
        }
    }

    /**
     * Parcels without an order: document envelopes and business mail, same-day local ones among them, and
     * same-city express parcels delivered within the hour.
     */
    private void honestParcelWithoutOrder() {
        Carrier carrier = CARRIERS.get(random.nextInt(5));
        Instant collected = paidTime();
        boolean local = random.nextInt(3) == 0;
        String dest = local ? Congjiang.TOWNS.get(random.nextInt(7)) : Congjiang.OUTSIDE.get(random.nextInt(8));
        Duration transit = local ? Duration.ofMinutes(100 + random.nextInt(300)) : Duration.ofHours(18 + random.nextInt(60));
        if (local && random.nextInt(4) == 0) {
            // same-city express: a parcel with goods, handed over within the hour, no hub in between
            keepShipment(parcel(carrier, waybill(carrier), collected, dest, null,
                    collected.plus(Duration.ofMinutes(25 + random.nextInt(30))), dest, null, 600 + random.nextInt(3000), 2,
                    null), CARRIER_FEED, null);
            return;
        }
        keepShipment(parcel(carrier, waybill(carrier), collected, dest, null, collected.plus(transit), local ? dest : null,
                null, 20 + random.nextInt(41), local ? 3 : 4 + random.nextInt(4), null), CARRIER_FEED, null);
    }

    private void inboundParcel() {
        Carrier carrier = CARRIERS.get(random.nextInt(5));
        Instant collected = paidTime().minus(Duration.ofDays(2));
        String town = Congjiang.TOWNS.get(random.nextInt(7));
        Shipment s = new Shipment(carrier, waybill(carrier), collected, Congjiang.OUTSIDE.get(random.nextInt(8)), null,
                town, null, collected.plus(Duration.ofHours(40 + random.nextInt(50))), town, siteOf.get(carrier), null,
                null, 300 + random.nextInt(3000), 6, null);
        keepShipment(s, CARRIER_FEED, null);
    }

    // ---------------------------------------------------------------- planted fraud

    private int plant(Family family) {
        return switch (family) {
            case BRUSHING -> brushing();
            case EMPTY_PARCEL -> emptyParcel();
            case INBOUND_AS_OUTBOUND -> inboundAsOutbound();
            case SAME_PARCEL_TWICE -> sameParcelTwice();
            case REFUNDED_CLAIMED -> refundedClaimed();
            case WAYBILL_SHAPE -> waybillShape();
            case CROSS_BORDER_UNPROVEN -> crossBorderUnproven();
            case IMPOSSIBLE_TIMELINE -> impossibleTimeline();
        };
    }

    private int brushing() {
        Congjiang.Shop shop = shops.get(random.nextInt(shops.size()));
        Instant start = paidTime();
        int orders = 4 + random.nextInt(9);
        List<String> buyers = new ArrayList<>();
        for (int b = 0; b < 1 + random.nextInt(Math.max(1, orders / 3)); b++) {
            buyers.add(buyer());
        }
        BigDecimal price = amount(8, 60);
        // most bursts within forty minutes; some spread over a working day to stay under an hourly threshold
        int spreadSeconds = random.nextInt(4) == 0 ? 10 * 3600 : 2400;
        if (spreadSeconds > 2400) {
            orders = Math.max(orders, 5 * buyers.size());
        }
        int planted = 0;
        for (int i = 0; i < orders; i++) {
            Instant paid = start.plusSeconds(random.nextInt(spreadSeconds));
            Carrier carrier = CARRIERS.get(random.nextInt(5));
            String orderNo = orderNo(shop.platform());
            Shipment parcel = withOrder(parcel(carrier, waybill(carrier), paid.plus(Duration.ofHours(3 + random.nextInt(20))),
                    Congjiang.OUTSIDE.get(random.nextInt(8)), null, paid.plus(Duration.ofHours(50)), null, null,
                    15 + random.nextInt(35), 5, null), shop.platform() + ":" + orderNo);
            BigDecimal amount = price.add(BigDecimal.valueOf(random.nextInt(3) - 1, 2)).max(BigDecimal.ONE);
            SalesOrder order = order(shop, paid, amount, BigDecimal.ZERO.setScale(2), OrderStatus.COMPLETED,
                    List.of(parcel.naturalKey()), buyers.get(i % buyers.size()), null, orderNo, null);
            keepOrder(order, MARKET_FEED, null);
            labels.put("order:" + order.naturalKey(), Family.BRUSHING);
            planted++;
            if (parcel.collectedAt().isBefore(MONTH.end())) {
                keepShipment(parcel, CARRIER_FEED, null);
                labels.put("shipment:" + parcel.naturalKey(), Family.BRUSHING);
                planted++;
            }
        }
        return planted;
    }

    private int emptyParcel() {
        Carrier carrier = CARRIERS.get(random.nextInt(5));
        Instant collected = paidTime();
        Shipment s = parcel(carrier, waybill(carrier), collected, Congjiang.OUTSIDE.get(random.nextInt(8)), null,
                collected.plus(Duration.ofMinutes(15 + random.nextInt(100))), null, null,
                random.nextInt(4) == 0 ? null : 5 + random.nextInt(45), 2, null);
        keepShipment(s, CARRIER_FEED, null);
        labels.put("shipment:" + s.naturalKey(), Family.EMPTY_PARCEL);
        return 1;
    }

    private int inboundAsOutbound() {
        Carrier carrier = CARRIERS.get(random.nextInt(5));
        Instant collected = paidTime().minus(Duration.ofDays(1));
        String town = Congjiang.TOWNS.get(random.nextInt(7));
        String outside = Congjiang.OUTSIDE.get(random.nextInt(8));
        Instant delivered = collected.plus(Duration.ofHours(40));
        Shipment truth = new Shipment(carrier, waybill(carrier), collected, outside, null, town, null, delivered, town,
                null, null, null, 900, 6, collected);
        int variant = random.nextInt(3);
        if (variant == 2) {
            // a merchant export claiming the parcel left the county, then the carrier's own (newer) version
            Shipment claimed = new Shipment(carrier, truth.waybillNo(), collected, Congjiang.BINGMEI, null, outside, null,
                    null, null, null, null, null, 900, 6, collected.plus(Duration.ofHours(2)));
            Shipment carrierSays = new Shipment(carrier, truth.waybillNo(), collected, outside, null, town, null, delivered,
                    town, siteOf.get(carrier), null, null, 900, 6, delivered);
            keepShipment(carrierSays, CARRIER_FEED, new SourceVersion<>(EXPORT_FEED, collected.plus(Duration.ofHours(3)),
                    false, claimed));
        } else if (variant == 0) {
            // the carrier's version, then a merchant export claiming the parcel left the county
            Shipment claimed = new Shipment(carrier, truth.waybillNo(), collected, Congjiang.BINGMEI, null, outside, null,
                    null, null, null, null, null, 900, 6, delivered.plus(Duration.ofHours(5)));
            keepShipment(claimed, EXPORT_FEED, new SourceVersion<>(CARRIER_FEED, delivered, false, truth));
        } else {
            // one report, turned around: collected "inside", addressed outside, yet signed for inside
            Shipment claimed = new Shipment(carrier, truth.waybillNo(), collected, Congjiang.BINGMEI, null, outside, null,
                    delivered, town, null, null, null, 900, 6, delivered);
            keepShipment(claimed, EXPORT_FEED, null);
        }
        labels.put("shipment:" + truth.naturalKey(), Family.INBOUND_AS_OUTBOUND);
        return 1;
    }

    private int sameParcelTwice() {
        StoredShipment original = shipments.get(random.nextInt(shipments.size()));
        Shipment o = original.record();
        if (labels.containsKey("shipment:" + o.naturalKey()) || !WaybillShape.published(o.carrier()) || o.international()) {
            return 0;
        }
        String form = switch (random.nextInt(3)) {
            case 0 -> o.carrier().name() + o.waybillNo();
            case 1 -> o.waybillNo().substring(0, 4) + "-" + o.waybillNo().substring(4);
            default -> o.waybillNo();
        };
        Carrier carrier = form.equals(o.waybillNo()) ? Carrier.OTHER : o.carrier();
        Shipment copy = new Shipment(carrier, form, o.collectedAt().plus(Duration.ofMinutes(random.nextInt(90))),
                o.originRegion(), null, o.destRegion(), o.destCountry(), o.deliveredAt(), o.deliveredRegion(), null,
                o.orderRef(), null, o.weightGrams(), null, o.updatedAt());
        if (labels.containsKey("shipment:" + copy.naturalKey()) || keyTaken(copy.naturalKey())) {
            return 0;
        }
        keepShipment(copy, EXPORT_FEED, null);
        labels.put("shipment:" + copy.naturalKey(), Family.SAME_PARCEL_TWICE);
        return 1;
    }

    private int refundedClaimed() {
        Congjiang.Shop shop = shops.get(random.nextInt(shops.size()));
        Instant paid = paidTime();
        BigDecimal amount = amount(50, 900);
        String orderNo = orderNo(shop.platform());
        SalesOrder order;
        if (random.nextBoolean()) {
            // refunded, but the amount refunded left out
            order = order(shop, paid, amount, BigDecimal.ZERO.setScale(2), OrderStatus.REFUNDED, List.of(), buyer(), null,
                    orderNo, null);
            keepOrder(order, MARKET_FEED, null);
        } else {
            // the platform's refund or cancellation, then a merchant export saying it completed
            boolean cancelled = random.nextBoolean();
            SalesOrder platform = order(shop, paid, amount, cancelled ? BigDecimal.ZERO.setScale(2) : amount,
                    cancelled ? OrderStatus.CANCELLED : OrderStatus.REFUNDED, List.of(), buyer(), null, orderNo, null);
            order = order(shop, paid, amount, BigDecimal.ZERO.setScale(2), OrderStatus.COMPLETED, List.of(),
                    platform.buyerHash(), null, orderNo, null);
            keepOrder(order, EXPORT_FEED, new SourceVersion<>(MARKET_FEED, paid.plus(Duration.ofDays(3)), false, platform));
        }
        labels.put("order:" + order.naturalKey(), Family.REFUNDED_CLAIMED);
        return 1;
    }

    private int waybillShape() {
        Carrier carrier = List.of(Carrier.ZTO, Carrier.SF, Carrier.YUNDA, Carrier.JT).get(random.nextInt(4));
        String number = switch (random.nextInt(3)) {
            case 0 -> digits(8 + random.nextInt(4));
            case 1 -> "XX" + digits(12);
            default -> "9" + digits(15);
        };
        Instant collected = paidTime();
        Shipment s = parcel(carrier, number, collected, Congjiang.OUTSIDE.get(random.nextInt(8)), null,
                collected.plus(Duration.ofHours(40)), null, null, 500 + random.nextInt(2000), 6, null);
        keepShipment(s, EXPORT_FEED, null);
        labels.put("shipment:" + s.naturalKey(), Family.WAYBILL_SHAPE);
        return 1;
    }

    private int crossBorderUnproven() {
        Carrier carrier = CARRIERS.get(random.nextInt(4));
        Instant collected = paidTime();
        Shipment s = parcel(carrier, waybill(carrier), collected, null, List.of("US", "JP", "MY").get(random.nextInt(3)),
                random.nextBoolean() ? null : collected.plus(Duration.ofDays(6)), null, null, 400 + random.nextInt(900),
                random.nextBoolean() ? null : 6, null);
        keepShipment(s, EXPORT_FEED, null);
        labels.put("shipment:" + s.naturalKey(), Family.CROSS_BORDER_UNPROVEN);
        return 1;
    }

    private int impossibleTimeline() {
        Congjiang.Shop shop = shops.get(random.nextInt(shops.size()));
        Instant paid = paidTime();
        Carrier carrier = CARRIERS.get(random.nextInt(5));
        String orderNo = orderNo(shop.platform());
        boolean beforePaid = random.nextBoolean();
        Instant collected = beforePaid ? paid.minus(Duration.ofHours(5 + random.nextInt(60))) : paid.plus(Duration.ofHours(5));
        Instant delivered = beforePaid ? (random.nextBoolean() ? null : paid.plus(Duration.ofHours(30 + random.nextInt(40))))
                : collected.minus(Duration.ofHours(2 + random.nextInt(30)));
        Shipment s = withOrder(parcel(carrier, waybill(carrier), collected, Congjiang.OUTSIDE.get(random.nextInt(8)), null,
                delivered, null, null, 300 + random.nextInt(2000), 6, null), shop.platform() + ":" + orderNo);
        if (!collected.isBefore(MONTH.end()) || collected.isBefore(MONTH.start())) {
            return 0;
        }
        keepShipment(s, CARRIER_FEED, null);
        SalesOrder order = order(shop, paid, amount(30, 300), BigDecimal.ZERO.setScale(2), OrderStatus.COMPLETED,
                List.of(s.naturalKey()), buyer(), null, orderNo, null);
        keepOrder(order, MARKET_FEED, null);
        labels.put("shipment:" + s.naturalKey(), Family.IMPOSSIBLE_TIMELINE);
        labels.put("order:" + order.naturalKey(), Family.IMPOSSIBLE_TIMELINE);
        return 2;
    }

    // ---------------------------------------------------------------- records

    private Shipment parcel(Carrier carrier, String waybill, Instant collected, String destRegion, String destCountry,
                            Instant delivered, String deliveredRegion, String orderRef, Integer grams, Integer traceEvents,
                            ScanType special) {
        List<Scan> scans = List.of();
        if (special != null || random.nextInt(4) == 0 && delivered != null && traceEvents != null) {
            scans = scans(collected, delivered, traceEvents == null ? 5 : traceEvents, special);
        }
        return new Shipment(carrier, waybill, collected, Congjiang.BINGMEI, siteOf.get(carrier), destRegion, destCountry,
                delivered, deliveredRegion, null, orderRef, null, grams, scans.isEmpty() ? traceEvents : null,
                delivered != null ? delivered : collected, scans, null, null);
    }

    private List<Scan> scans(Instant collected, Instant delivered, int count, ScanType special) {
        List<Scan> scans = new ArrayList<>();
        scans.add(new Scan(ScanType.COLLECT, collected, Congjiang.BINGMEI, null));
        Instant end = delivered != null ? delivered : collected.plus(Duration.ofDays(3));
        long step = Duration.between(collected, end).toMinutes() / Math.max(1, count - 1);
        for (int i = 1; i < count - 1; i++) {
            ScanType type = special != null && i == 2 ? special : i % 2 == 1 ? ScanType.DEPART : ScanType.ARRIVE;
            scans.add(new Scan(type, collected.plus(Duration.ofMinutes(step * i)), null, "HUB-" + i));
        }
        if (delivered != null) {
            scans.add(new Scan(ScanType.DELIVER, delivered, null, null));
        }
        return scans;
    }

    private static Shipment withOrder(Shipment s, String orderRef) {
        return new Shipment(s.carrier(), s.waybillNo(), s.collectedAt(), s.originRegion(), s.originSite(), s.destRegion(),
                s.destCountry(), s.deliveredAt(), s.deliveredRegion(), s.deliverySite(), orderRef, s.shipperId(),
                s.weightGrams(), s.traceEvents(), s.updatedAt(), s.scans(), s.paymentMethod(), s.receiverHash());
    }

    private static Shipment withoutDelivery(Shipment s) {
        return new Shipment(s.carrier(), s.waybillNo(), s.collectedAt(), s.originRegion(), s.originSite(), s.destRegion(),
                s.destCountry(), null, null, null, s.orderRef(), s.shipperId(), s.weightGrams(), 1, s.collectedAt());
    }

    private SalesOrder order(Congjiang.Shop shop, Instant paid, BigDecimal amount, BigDecimal refunded, OrderStatus status,
                             List<String> waybills, String buyer, PaymentMethod payment, String orderNo, String unused) {
        String id = orderNo != null ? orderNo : orderNo(shop.platform());
        return new SalesOrder(shop.platform(), id, shop.shopId(), null, Channel.B2C, status, paid, amount, refunded, "CNY",
                null, waybills, List.of(), false, null, null, buyer, paid == null ? MONTH.start() : paid, payment, null,
                null, null);
    }

    private static SalesOrder crossBorder(SalesOrder o, String country) {
        return new SalesOrder(o.platform(), o.orderId(), o.shopId(), o.merchantId(), o.channel(), o.status(), o.paidAt(),
                o.amount(), o.refundedAmount(), o.currency(), o.fxRate(), o.waybills(), o.categories(), true, null, country,
                o.buyerHash(), o.updatedAt(), o.paymentMethod(), o.refundStatus(), o.receiverHash(), o.parcelCount());
    }

    private void keepShipment(Shipment current, String connector, Object earlier) {
        List<String> connectors = new ArrayList<>(List.of(connector));
        int versions = 1;
        if (earlier != null) {
            @SuppressWarnings("unchecked")
            SourceVersion<Shipment> before = earlier instanceof SourceVersion<?> v ? (SourceVersion<Shipment>) v
                    : new SourceVersion<>(connector, current.collectedAt(), false, (Shipment) earlier);
            shipmentHistory.put(current.naturalKey(), List.of(before,
                    new SourceVersion<>(connector, current.updatedAt(), true, current)));
            if (!connectors.contains(before.connector())) {
                connectors.add(0, before.connector());
            }
            versions = 2;
        }
        shipments.add(new StoredShipment(current, connectors, 0, "h-" + current.naturalKey(), versions));
    }

    private void keepOrder(SalesOrder current, String connector, SourceVersion<SalesOrder> earlier) {
        List<String> connectors = new ArrayList<>(List.of(connector));
        int versions = 1;
        if (earlier != null) {
            orderHistory.put(current.naturalKey(), List.of(earlier,
                    new SourceVersion<>(connector, current.updatedAt(), true, current)));
            connectors.add(0, earlier.connector());
            versions = 2;
        }
        orders.put(current.naturalKey(), new StoredOrder(current, connectors, 0, "h-" + current.naturalKey(), versions));
    }

    private boolean keyTaken(String key) {
        return shipments.stream().anyMatch(s -> s.record().naturalKey().equals(key));
    }

    private String orderNo(Platform platform) {
        return String.valueOf(3_000_000_000L + serials.merge("order", 1, Integer::sum) * 7919L + random.nextInt(7919));
    }

    private String digits(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    private String waybill(Carrier carrier) {
        return switch (carrier) {
            case SF -> "SF" + digits(13);
            case ZTO -> "7" + (3 + random.nextInt(4)) + digits(12);
            case YTO -> "YT" + digits(13);
            case JT -> "JT" + digits(13);
            case YUNDA -> "43" + digits(11);
            case STO -> "77" + digits(13);
            case JD -> "JDVA" + digits(11);
            case CAINIAO -> "LP" + digits(14);
            default -> "11" + digits(11);
        };
    }

    private String s10(String country) {
        String serial = digits(8);
        return "E" + (char) ('A' + random.nextInt(26)) + serial + WaybillShape.s10CheckDigit(serial) + "CN";
    }
}

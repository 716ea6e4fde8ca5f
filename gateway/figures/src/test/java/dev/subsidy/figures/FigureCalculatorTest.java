package dev.subsidy.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Channel;
import dev.subsidy.model.Metric;
import dev.subsidy.model.OrderStatus;
import dev.subsidy.model.Period;
import dev.subsidy.model.Platform;
import dev.subsidy.model.RecordStatus;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import dev.subsidy.verification.Jurisdiction;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.RegistrySnapshot;
import dev.subsidy.verification.ShipmentVerdict;
import dev.subsidy.verification.StoredOrder;
import dev.subsidy.verification.StoredShipment;
import dev.subsidy.verification.Verifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Worked example 1 of docs/policy-readings.md, parcel side: the year's verified outbound e-commerce
 * local-product parcels of a Congjiang express firm. Inbound parcels, duplicates, parcels without
 * a local merchant's order and parcels of an outside merchant add nothing.
 */
class FigureCalculatorTest {

    private static final String COMPANY = "91522633MA6D0KD01Y";
    private static final Jurisdiction CONGJIANG = new Jurisdiction("从江县", List.of("522633"));
    private static final Instant JUNE = Instant.parse("2026-06-10T02:00:00Z");

    private final RegistrySnapshot registry = new RegistrySnapshot(List.of(
            new Subject(SubjectType.EXPRESS_COMPANY, COMPANY, "从江中通", "522633100", null, true, null, List.of(),
                    List.of(), List.of(new Subject.Site(Carrier.ZTO, "CJ-1", "522633100")), List.of(Carrier.ZTO), Map.of()),
            new Subject(SubjectType.MERCHANT, "92522633MA6D0M001G", "香禾茶", "522633100", null, true, null,
                    List.of("AGRICULTURAL"), List.of(new Subject.Shop(Platform.TAOBAO, "tea")), List.of(), List.of(), Map.of()),
            new Subject(SubjectType.MERCHANT, "91520100MA6D0X005D", "贵阳商贸", "520100", null, true, null,
                    List.of("AGRICULTURAL"), List.of(new Subject.Shop(Platform.TAOBAO, "gy")), List.of(), List.of(), Map.of())),
            CONGJIANG);

    @ParameterizedTest
    @ValueSource(ints = {4_999, 5_000, 10_000, 12_000})
    void onlyOutboundLocalProductParcelsOfLocalMerchantsCount(int localProductParcels) {
        List<StoredShipment> shipments = new ArrayList<>();
        Map<String, StoredOrder> orders = new LinkedHashMap<>();
        for (int i = 0; i < localProductParcels; i++) {
            String waybill = String.format("7310%010d", i);
            // every counted parcel was also received twice more: duplicates add nothing
            shipments.add(new StoredShipment(outbound(waybill), List.of("zto-push", "standard"), 2));
            order(orders, "T" + i, "tea", waybill);
        }
        for (int i = 0; i < 300; i++) {
            shipments.add(new StoredShipment(inbound(String.format("7320%010d", i)), List.of("standard"), 0));
            shipments.add(new StoredShipment(outbound(String.format("7330%010d", i)), List.of("standard"), 0));
            String outsideWaybill = String.format("7340%010d", i);
            shipments.add(new StoredShipment(outbound(outsideWaybill), List.of("standard"), 0));
            order(orders, "G" + i, "gy", outsideWaybill);
        }
        Verifier verifier = new Verifier(CONGJIANG, registry);
        Map<String, OrderVerdict> orderVerdicts = new LinkedHashMap<>();
        orders.forEach((k, o) -> orderVerdicts.put(k, verifier.verify(o)));
        List<ShipmentVerdict> verdicts = shipments.stream().map(verifier::verify).toList();
        assertThat(verdicts).allMatch(v -> v.status() == RecordStatus.VERIFIED);

        List<MeasuredFigure> figures = new FigureCalculator(CONGJIANG, registry).compute(Period.parse("2026"), verdicts, orderVerdicts);

        MeasuredFigure local = find(figures, Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS);
        assertThat(local.value()).isEqualTo(Integer.toString(localProductParcels));
        assertThat(local.evidence().counted()).isEqualTo(localProductParcels);
        assertThat(local.evidence().duplicate()).isEqualTo(2 * localProductParcels);
        assertThat(local.evidence().connectors()).containsExactly("standard", "zto-push");
        assertThat(find(figures, Metric.PARCELS_OUTBOUND).value()).isEqualTo(Integer.toString(localProductParcels + 600));
        assertThat(find(figures, Metric.PARCELS_INBOUND).value()).isEqualTo("300");
        assertThat(figures).noneMatch(f -> f.subjectId().equals("91520100MA6D0X005D"));
    }

    @org.junit.jupiter.api.Test
    void aTownSumsItsMerchantsAndStationsCategoryFiguresIncluded() {
        String town = "522633200";
        String station = "52522633MA6D0CT07R";
        RegistrySnapshot withTown = new RegistrySnapshot(List.of(
                new Subject(SubjectType.TOWN, town, "高增乡", town, null, null, null, List.of(), List.of(), List.of(),
                        List.of(), Map.of()),
                new Subject(SubjectType.STATION, station, "占里村服务站", "522633200201", null, null, null,
                        List.of("AGRICULTURAL"), List.of(new Subject.Shop(Platform.PDD, "zl")), List.of(), List.of(), Map.of()),
                new Subject(SubjectType.MERCHANT, "92522633MA6D0M001G", "香禾茶", "522633200", null, true, null,
                        List.of("AGRICULTURAL"), List.of(new Subject.Shop(Platform.TAOBAO, "tea")), List.of(), List.of(),
                        Map.of())), CONGJIANG);
        Map<String, StoredOrder> orders = new LinkedHashMap<>();
        SalesOrder byStation = new SalesOrder(Platform.PDD, "S1", "zl", null, Channel.C2C, OrderStatus.COMPLETED, JUNE,
                new BigDecimal("30.00"), BigDecimal.ZERO.setScale(2), "CNY", null, List.of(), List.of(), false, null, null,
                null, JUNE);
        SalesOrder byMerchant = new SalesOrder(Platform.TAOBAO, "M1", "tea", null, Channel.B2C, OrderStatus.COMPLETED,
                JUNE, new BigDecimal("70.50"), BigDecimal.ZERO.setScale(2), "CNY", null, List.of(), List.of(), false, null,
                null, null, JUNE);
        orders.put(byStation.naturalKey(), new StoredOrder(byStation, List.of("standard"), 0));
        orders.put(byMerchant.naturalKey(), new StoredOrder(byMerchant, List.of("standard"), 0));
        Verifier verifier = new Verifier(CONGJIANG, withTown);
        Map<String, OrderVerdict> verdicts = new LinkedHashMap<>();
        orders.forEach((k, o) -> verdicts.put(k, verifier.verify(o)));

        List<MeasuredFigure> figures = new FigureCalculator(CONGJIANG, withTown).compute(Period.parse("2026-06"), List.of(), verdicts);

        assertThat(value(figures, town, Metric.SALES_NET)).isEqualTo("100.50");
        assertThat(value(figures, town, Metric.SALES_NET_AGRICULTURAL)).isEqualTo("100.50");
        assertThat(value(figures, station, Metric.SALES_NET)).isEqualTo("30.00");
        assertThat(value(figures, station, Metric.ORDERS)).isEqualTo("1");
        // channel and category figures are the merchants' own
        assertThat(figures).noneMatch(f -> f.subjectId().equals(station) && f.metric() == Metric.SALES_NET_AGRICULTURAL);
        assertThat(figures).noneMatch(f -> f.subjectId().equals(station) && f.metric() == Metric.SALES_NET_C2C);
    }

    /**
     * A figure keeps its counted keys until they are recorded: a parcel is held for its key, no string made for it
     * until the key is asked for, and an order's key is the orders' own string in every figure that counts it (a
     * million records' figures held 183 bytes a record before they shared their strings, 32 after:
     * docs/operations.md "Database").
     */
    @org.junit.jupiter.api.Test
    void aRecordCountedBySeveralFiguresIsHeldOnceForAllOfThem() {
        Map<String, StoredOrder> orders = new LinkedHashMap<>();
        order(orders, "T1", "tea", "73100000000001");
        // a second order the parcel names (its orderRef) where the order names no waybill
        SalesOrder unnamed = new SalesOrder(Platform.TAOBAO, "T2", "tea", null, Channel.B2C, OrderStatus.COMPLETED,
                JUNE.minusSeconds(3_600), new BigDecimal("50.00"), BigDecimal.ZERO.setScale(2), "CNY", null, List.of(),
                List.of(), false, null, null, null, JUNE);
        orders.put(unnamed.naturalKey(), new StoredOrder(unnamed, List.of("standard"), 0));
        Shipment namingTheOrder = new Shipment(Carrier.ZTO, "73100000000002", JUNE, null, "CJ-1", "440106", null, null,
                null, null, unnamed.naturalKey(), null, null, null, JUNE);
        List<StoredShipment> shipments = List.of(
                new StoredShipment(outbound("73100000000001"), List.of("standard"), 0),
                new StoredShipment(namingTheOrder, List.of("standard"), 0));
        Verifier verifier = new Verifier(CONGJIANG, registry);
        Map<String, OrderVerdict> orderVerdicts = new LinkedHashMap<>();
        orders.forEach((k, o) -> orderVerdicts.put(k, verifier.verify(o)));
        List<ShipmentVerdict> verdicts = shipments.stream().map(verifier::verify).toList();

        List<MeasuredFigure> figures = new FigureCalculator(CONGJIANG, registry).compute(Period.parse("2026"), verdicts,
                orderVerdicts);

        String namedWaybill = orders.values().iterator().next().record().waybills().get(0);
        List<MeasuredFigure> parcelFigures = figures.stream().filter(f -> f.countedKeys().contains(namedWaybill)).toList();
        assertThat(parcelFigures).extracting(MeasuredFigure::metric).contains(Metric.PARCELS_OUTBOUND,
                Metric.PARCELS_OUTBOUND_ECOMMERCE, Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS, Metric.PARCELS_SHIPPED);
        for (MeasuredFigure f : parcelFigures) {
            // made when asked for: a string held by the figure would be the same one twice
            int at = f.countedKeys().indexOf(namedWaybill);
            assertThat(f.countedKeys().get(at)).as(f.figureId()).isEqualTo(namedWaybill)
                    .isNotSameAs(f.countedKeys().get(at));
        }
        // a parcel no order names: counted by several figures, its key in each
        List<String> built = figures.stream().flatMap(f -> f.countedKeys().stream())
                .filter("ZTO:73100000000002"::equals).toList();
        assertThat(built).hasSizeGreaterThan(1);
        // an order stands for its key in every figure that counts it, the key made when asked for
        String orderKey = orderVerdicts.keySet().iterator().next();
        List<MeasuredFigure> orderFigures = figures.stream().filter(f -> f.countedKeys().contains(orderKey)).toList();
        assertThat(orderFigures).extracting(MeasuredFigure::metric).contains(Metric.SALES_NET, Metric.ORDERS);
        for (MeasuredFigure f : orderFigures) {
            int at = f.countedKeys().indexOf(orderKey);
            assertThat(f.countedKeys().get(at)).as(f.figureId()).isEqualTo(orderKey).isNotSameAs(f.countedKeys().get(at));
        }
    }

    private static String value(List<MeasuredFigure> figures, String subject, Metric metric) {
        return figures.stream().filter(f -> f.subjectId().equals(subject) && f.metric() == metric).findFirst()
                .map(MeasuredFigure::value).orElseThrow(() -> new AssertionError("no " + subject + "/" + metric + " in " + figures));
    }

    private static MeasuredFigure find(List<MeasuredFigure> figures, Metric metric) {
        return figures.stream().filter(f -> f.subjectId().equals(COMPANY) && f.metric() == metric).findFirst().orElseThrow();
    }

    private static Shipment outbound(String waybill) {
        return new Shipment(Carrier.ZTO, waybill, JUNE, null, "CJ-1", "440106", null, null, null, null, null, null,
                null, null, JUNE);
    }

    private static Shipment inbound(String waybill) {
        return new Shipment(Carrier.ZTO, waybill, JUNE, "440106", null, "522633100", null, JUNE.plusSeconds(86_400),
                "522633100", "CJ-1", null, null, null, null, JUNE);
    }

    private static void order(Map<String, StoredOrder> orders, String id, String shop, String waybill) {
        SalesOrder o = new SalesOrder(Platform.TAOBAO, id, shop, null, Channel.B2C, OrderStatus.COMPLETED,
                JUNE.minusSeconds(3_600), new BigDecimal("50.00"), BigDecimal.ZERO.setScale(2), "CNY", null,
                List.of("ZTO:" + waybill), List.of(), false, null, null, null, JUNE);
        orders.put(o.naturalKey(), new StoredOrder(o, List.of("standard"), 0));
    }
}

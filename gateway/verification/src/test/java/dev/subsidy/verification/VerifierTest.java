package dev.subsidy.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Channel;
import dev.subsidy.model.OrderStatus;
import dev.subsidy.model.Period;
import dev.subsidy.model.Platform;
import dev.subsidy.model.RecordStatus;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/records.md "Verification status": where a record lies, who stands behind it, and which status
 * with which reasons it ends in. No database: the records come from a source held in memory.
 */
class VerifierTest {

    private static final Jurisdiction CONGJIANG = new Jurisdiction("从江县", List.of("522633"));
    private static final String ZTO_COMPANY = "91522633MA6D0KD01Y";
    private static final String TEA = "92522633MA6D0M001G";
    private static final String GUIYANG = "91520100MA6D0X005D";
    private static final Instant JUNE = Instant.parse("2026-06-10T02:00:00Z");

    private final RegistrySnapshot registry = new RegistrySnapshot(List.of(
            subject(SubjectType.EXPRESS_COMPANY, ZTO_COMPANY, "522633100", List.of(),
                    List.of(new Subject.Site(Carrier.ZTO, "CJ-1", "522633100")), List.of(Carrier.ZTO)),
            // two local companies run YTO: a YTO parcel without a registered site cannot be attributed
            subject(SubjectType.EXPRESS_COMPANY, "91522633MA6D0YT01A", "522633100", List.of(), List.of(),
                    List.of(Carrier.YTO)),
            subject(SubjectType.EXPRESS_COMPANY, "91522633MA6D0YT02B", "522633101", List.of(), List.of(),
                    List.of(Carrier.YTO)),
            subject(SubjectType.MERCHANT, TEA, "522633100", List.of(new Subject.Shop(Platform.TAOBAO, "tea")),
                    List.of(), List.of()),
            subject(SubjectType.MERCHANT, GUIYANG, "520100", List.of(new Subject.Shop(Platform.TAOBAO, "gy")),
                    List.of(), List.of()),
            subject(SubjectType.TOWN, "522633200", "522633200", List.of(new Subject.Shop(Platform.PDD, "town")),
                    List.of(), List.of())),
            CONGJIANG);
    private final Verifier verifier = new Verifier(CONGJIANG, registry);

    @Test
    void aParcelCollectedInsideForOutsideIsOutboundAndBelongsToTheSitesOwner() {
        ShipmentVerdict v = verifier.verify(shipment(Carrier.ZTO, "CJ-1", null, "440106", null, null));

        assertThat(v.status()).isEqualTo(RecordStatus.VERIFIED);
        assertThat(v.reasons()).isEmpty();
        assertThat(v.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(v.company().id()).isEqualTo(ZTO_COMPANY);
        assertThat(v.countsAt()).isEqualTo(JUNE);
    }

    @Test
    void anInboundParcelBelongsToTheDeliveringCompanyAndCountsWhenDelivered() {
        Instant delivered = JUNE.plusSeconds(86_400);
        ShipmentVerdict v = verifier.verify(new StoredShipment(new Shipment(Carrier.ZTO, "7320001", JUNE, "440106",
                null, "522633100", null, delivered, null, "CJ-1", null, null, null, null, JUNE), List.of("standard"), 0));

        assertThat(v.status()).isEqualTo(RecordStatus.VERIFIED);
        assertThat(v.direction()).isEqualTo(Direction.INBOUND);
        assertThat(v.company().id()).isEqualTo(ZTO_COMPANY);
        assertThat(v.countsAt()).isEqualTo(delivered);
    }

    @Test
    void aParcelNeitherCollectedNorDeliveredInsideIsRejected() {
        ShipmentVerdict v = verifier.verify(shipment(Carrier.ZTO, null, "440106", "110101", null, null));

        assertThat(v.status()).isEqualTo(RecordStatus.REJECTED);
        assertThat(v.direction()).isEqualTo(Direction.UNRELATED);
        assertThat(v.reasons()).containsExactly("neither collected nor delivered inside the jurisdiction");
        assertThat(v.company()).isNull();
    }

    @Test
    void aParcelWhoseOriginCannotBePlacedIsSuspectWithTheSiteNamed() {
        ShipmentVerdict v = verifier.verify(shipment(Carrier.ZTO, "NOWHERE-9", null, "440106", null, null));

        assertThat(v.status()).isEqualTo(RecordStatus.SUSPECT);
        assertThat(v.direction()).isEqualTo(Direction.UNKNOWN);
        assertThat(v.reasons()).containsExactly(
                "origin cannot be placed: no originRegion and site ZTO:NOWHERE-9 is not in the registry");
    }

    @Test
    void aParcelOfACarrierTwoLocalCompaniesRunIsSuspectNamingBoth() {
        ShipmentVerdict v = verifier.verify(shipment(Carrier.YTO, null, "522633100", "440106", null, null));

        assertThat(v.status()).isEqualTo(RecordStatus.SUSPECT);
        assertThat(v.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(v.company()).isNull();
        assertThat(v.reasons()).singleElement().asString()
                .startsWith("unattributable: no collecting site named and 2 local companies operate YTO (")
                .contains("91522633MA6D0YT01A", "91522633MA6D0YT02B");
    }

    @Test
    void aParcelGoingAbroadFromInsideIsOutboundAndABadShipperCodeIsSuspect() {
        ShipmentVerdict v = verifier.verify(shipment(Carrier.ZTO, "CJ-1", null, null, "JP", "91522633MA6D0KD010"));

        assertThat(v.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(v.status()).isEqualTo(RecordStatus.SUSPECT);
        assertThat(v.reasons()).containsExactly("shipperId 91522633MA6D0KD010 fails the credit code check");
        assertThat(v.company().id()).isEqualTo(ZTO_COMPANY);
    }

    @Test
    void anOrderOfALocalMerchantsShopIsVerifiedWithItsSeller() {
        OrderVerdict v = verifier.verify(order("T1", "tea", null, JUNE));

        assertThat(v.status()).isEqualTo(RecordStatus.VERIFIED);
        assertThat(v.seller().id()).isEqualTo(TEA);
        assertThat(v.counts()).isTrue();
    }

    @Test
    void ordersWithNoLocalMerchantOrStationBehindThemAreRejectedWithTheReason() {
        assertThat(verifier.verify(order("X1", "unknown", null, JUNE)).reasons())
                .containsExactly("shop TAOBAO:unknown is not registered to any subject");
        assertThat(verifier.verify(order("X2", "gy", null, JUNE)).reasons())
                .containsExactly("seller " + GUIYANG + " is registered outside the jurisdiction (520100)");
        OrderVerdict ofATown = verifier.verify(new StoredOrder(new SalesOrder(Platform.PDD, "X3", "town", null,
                Channel.C2C, OrderStatus.COMPLETED, JUNE, new BigDecimal("10.00"), BigDecimal.ZERO.setScale(2), "CNY",
                null, List.of(), List.of(), false, null, null, null, JUNE), List.of("standard"), 0));
        assertThat(ofATown.reasons()).containsExactly(
                "shop PDD:town belongs to TOWN 522633200, not a merchant or station");
        assertThat(ofATown.status()).isEqualTo(RecordStatus.REJECTED);
        assertThat(ofATown.seller()).isNull();
    }

    @Test
    void anOrderNamingAnotherMerchantThanTheShopsOwnerIsSuspect() {
        OrderVerdict v = verifier.verify(order("T2", "tea", GUIYANG, JUNE));

        assertThat(v.status()).isEqualTo(RecordStatus.SUSPECT);
        assertThat(v.reasons()).containsExactly("merchantId " + GUIYANG + " differs from the shop's registered owner " + TEA);
        assertThat(v.seller().id()).isEqualTo(TEA);
    }

    @Test
    void aPeriodsOrdersPaidEarlierAreVerifiedForLinkingButTheirStatusIsNotThisPeriods() {
        StoredOrder paidInJune = order("T3", "tea", null, JUNE);
        StoredOrder paidInMay = order("T4", "tea", null, Instant.parse("2026-05-20T02:00:00Z"));
        StoredShipment parcel = shipment(Carrier.ZTO, "CJ-1", null, "440106", null, null);
        RecordSource source = new RecordSource() {
            @Override
            public List<StoredShipment> shipments(Period period) {
                return List.of(parcel);
            }

            @Override
            public Map<String, StoredOrder> orders(Period period, Collection<StoredShipment> shipments) {
                Map<String, StoredOrder> orders = new LinkedHashMap<>();
                orders.put(paidInMay.record().naturalKey(), paidInMay);
                orders.put(paidInJune.record().naturalKey(), paidInJune);
                return orders;
            }
        };

        PeriodVerdicts verdicts = verifier.verify(Period.parse("2026-06"), source);

        assertThat(verdicts.shipments()).extracting(v -> v.stored().record().naturalKey())
                .containsExactly(parcel.record().naturalKey());
        assertThat(verdicts.orders()).containsOnlyKeys("TAOBAO:T3", "TAOBAO:T4");
        assertThat(verdicts.orders().values()).allMatch(OrderVerdict::verified);
        assertThat(verdicts.ordersPaidInPeriod()).extracting(v -> v.stored().record().naturalKey())
                .containsExactly("TAOBAO:T3");
    }

    private static Subject subject(SubjectType type, String id, String region, List<Subject.Shop> shops,
                                   List<Subject.Site> sites, List<Carrier> carriers) {
        return new Subject(type, id, id, region, null, true, null, List.of(), shops, sites, carriers, Map.of());
    }

    private static StoredShipment shipment(Carrier carrier, String originSite, String originRegion, String destRegion,
                                           String destCountry, String shipperId) {
        return new StoredShipment(new Shipment(carrier, "7310001", JUNE, originRegion, originSite, destRegion,
                destCountry, null, null, null, null, shipperId, null, null, JUNE), List.of("standard"), 0);
    }

    private static StoredOrder order(String id, String shop, String merchantId, Instant paidAt) {
        return new StoredOrder(new SalesOrder(Platform.TAOBAO, id, shop, merchantId, Channel.B2C, OrderStatus.COMPLETED,
                paidAt, new BigDecimal("50.00"), BigDecimal.ZERO.setScale(2), "CNY", null, List.of(), List.of(), false,
                null, null, null, paidAt), List.of("standard"), 0);
    }
}

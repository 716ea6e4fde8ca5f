package dev.subsidy.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Shipment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RawSegmentTest {

    @Test
    void everyTextComesBackExactlyFromWhereItsRowSaysItLies() {
        Random random = new Random(38);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            texts.add(switch (i % 5) {
                case 0 -> "{\"waybillNo\":\"7530" + random.nextInt(1_000_000) + "\",\"originSite\":\"从江县城\"}";
                case 1 -> "{\"note\":\"𠀀𝄞 four-byte \\u0000 escaped NUL\"}";
                case 2 -> "订单号,金额\n" + random.nextInt() + ",12.50";
                case 3 -> "";
                default -> randomText(random);
            });
        }
        RawSegment.Packed packed = RawSegment.pack(texts);
        byte[] inflated = RawSegment.inflate(packed.body());

        for (int i = 0; i < texts.size(); i++) {
            assertThat(RawSegment.text(inflated, packed.at()[i], packed.length()[i])).isEqualTo(texts.get(i));
            assertThat(packed.length()[i]).isEqualTo(texts.get(i).getBytes(StandardCharsets.UTF_8).length);
        }
        assertThat(inflated.length).isEqualTo(texts.stream().mapToInt(t -> t.getBytes(StandardCharsets.UTF_8).length).sum());
    }

    @Test
    void aFeedsPayloadsDeflateToAFractionOfTheirText() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            texts.add("{\"carrier\":\"ZTO\",\"waybillNo\":\"75300" + (1_000_000 + i * 7919L % 1_000_000)
                    + "\",\"collectedAt\":\"2026-10-0" + (1 + i % 9) + "T08:" + (10 + i % 50)
                    + ":00+08:00\",\"originRegion\":\"522633\",\"destRegion\":\"440106\",\"weightGrams\":" + (100 + i % 900) + "}");
        }
        RawSegment.Packed packed = RawSegment.pack(texts);
        long text = texts.stream().mapToInt(String::length).sum();

        assertThat(packed.body().length).isLessThan((int) (text / 4));
    }

    @Test
    void recordsMappedFromOnePartnerRecordShareItsTextOnceAndANullTextHasNoPlace() {
        String order = "{\"orderId\":\"J1\",\"parcels\":[\"YT1\",\"YT2\"]}";
        RawSegment.Packed packed = RawSegment.pack(Arrays.asList(order, order, order, null, "{\"x\":1}"));
        byte[] inflated = RawSegment.inflate(packed.body());

        assertThat(packed.at()).containsExactly(0, 0, 0, -1, order.length());
        assertThat(packed.length()).containsExactly(order.length(), order.length(), order.length(), 0, 7);
        assertThat(inflated).hasSize(order.length() + 7);
        assertThat(RawSegment.pack(Arrays.asList(null, null))).as("nothing to keep").isNull();
        assertThat(RawSegment.pack(List.of())).isNull();
    }

    @Test
    void arrivalsPackedOnTheReadingThreadEachPointAtTheirOwnTextInOneSegment() {
        Shipment parcel = new Shipment(Carrier.ZTO, "75300001", Instant.parse("2026-11-02T00:00:00Z"), "522633", null,
                "440106", null, null, null, null, null, null, null, null, null, null, null, null);
        List<IntakeStore.Arrival<Shipment>> arrivals = List.of(IntakeStore.Arrival.of(parcel, "{\"w\":\"一\"}"),
                IntakeStore.Arrival.of(parcel, null), IntakeStore.Arrival.of(parcel, "{\"w\":\"二\"}"));

        List<IntakeStore.Arrival<Shipment>> packed = IntakeStore.Arrival.packed(arrivals);

        assertThat(packed.get(1)).isSameAs(arrivals.get(1));
        assertThat(packed.get(0).place().segment()).isSameAs(packed.get(2).place().segment());
        byte[] inflated = RawSegment.inflate(packed.get(0).place().segment().body());
        for (int i : new int[] {0, 2}) {
            RawSegment.Place place = packed.get(i).place();
            assertThat(RawSegment.text(inflated, place.at(), place.length())).isEqualTo(arrivals.get(i).raw());
            assertThat(packed.get(i)).usingRecursiveComparison().ignoringFields("place").isEqualTo(arrivals.get(i));
        }
        List<IntakeStore.Arrival<Shipment>> none = List.of(IntakeStore.Arrival.of(parcel, null));
        assertThat(IntakeStore.Arrival.packed(none)).isSameAs(none);
    }

    @Test
    void payloadsHashedWhereTheyArePackedHashAsTheirTextDoes() {
        Shipment parcel = new Shipment(Carrier.ZTO, "75300001", Instant.parse("2026-11-02T00:00:00Z"), "522633", null,
                "440106", null, null, null, null, null, null, null, null, null, null, null, null);
        // longer together than the room first made for them (256 bytes a text), and one shared by two records
        String shared = "{\"order\":\"" + "从江𠀀".repeat(200) + "\"}";
        List<String> payloads = Arrays.asList("{\"w\":\"一\"}", null, shared, shared, "a NUL \u0000 kept as text", "");
        List<IntakeStore.Arrival<Shipment>> arrivals = new ArrayList<>();
        payloads.forEach(p -> arrivals.add(IntakeStore.Arrival.toPack(parcel, p)));
        assertThat(arrivals).allSatisfy(a -> assertThat(a.rawHash()).as("not yet").isNull());

        List<IntakeStore.Arrival<Shipment>> packed = IntakeStore.Arrival.packed(arrivals);

        byte[] inflated = RawSegment.inflate(packed.get(0).place().segment().body());
        for (int i = 0; i < payloads.size(); i++) {
            IntakeStore.Arrival<Shipment> expected = IntakeStore.Arrival.of(parcel, payloads.get(i));
            assertThat(packed.get(i).rawHash()).as("payload %d", i).isEqualTo(expected.rawHash());
            assertThat(packed.get(i).raw()).isEqualTo(expected.raw());
            if (payloads.get(i) != null) {
                RawSegment.Place place = packed.get(i).place();
                assertThat(RawSegment.text(inflated, place.at(), place.length())).isEqualTo(expected.raw());
            }
        }
        assertThat(packed.get(1).rawHash()).isNull();
        assertThat(packed.get(3).place().at()).isEqualTo(packed.get(2).place().at());
        assertThat(packed.get(5).rawHash()).isEqualTo(CanonicalForm.sha256(""));
    }

    @Test
    void aDamagedSegmentOrAPlaceOutsideItIsSaidSoNotReadAsAnotherText() {
        byte[] body = RawSegment.pack(List.of("{\"a\":\"first\"}", "{\"b\":\"second\"}")).body();

        assertThatThrownBy(() -> RawSegment.inflate(Arrays.copyOf(body, body.length / 2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("raw payload segment is cut short");
        assertThatThrownBy(() -> RawSegment.inflate("not deflated at all".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not deflated data");
        byte[] inflated = RawSegment.inflate(body);
        assertThatThrownBy(() -> RawSegment.text(inflated, 20, 20)).isInstanceOf(IllegalStateException.class)
                .hasMessage("raw payload at 20 of 20 bytes lies outside its segment of " + inflated.length + " bytes");
        assertThatThrownBy(() -> RawSegment.text(inflated, -1, 0)).isInstanceOf(IllegalStateException.class);
    }

    private static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(300);
        for (int i = 0; i < n; i++) {
            int cp;
            do {
                cp = random.nextInt(4) == 0 ? 0x10000 + random.nextInt(0x1000) : 0x20 + random.nextInt(0x5000);
            } while (Character.isSurrogate((char) cp) && cp < 0x10000);
            b.appendCodePoint(cp);
        }
        return b.toString();
    }
}

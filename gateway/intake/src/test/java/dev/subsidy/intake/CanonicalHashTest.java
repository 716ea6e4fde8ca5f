package dev.subsidy.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Channel;
import dev.subsidy.model.OrderStatus;
import dev.subsidy.model.Platform;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Scan;
import dev.subsidy.model.ScanType;
import dev.subsidy.model.Shipment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The content hash is written straight into the digest as UTF-8 ({@link CanonicalForm#hash}); it must be the hash of
 * the canonical text ({@link CanonicalForm#of}) for every record, or a resend of a stored record would count as a new
 * version. Text beyond ASCII is where the two writers could part: Chinese, characters outside the BMP (two
 * surrogates in a Java string), and the characters JSON escapes.
 */
class CanonicalHashTest {

    private static final Instant AT = Instant.parse("2026-10-31T16:30:00.123456789Z");

    /** Letters the two writers could write differently: escaped, multi-byte, and four-byte (a surrogate pair). */
    private static final String[] PIECES = {"a", "Z", "9", "-", ":", "\"", "\\", "/", "从江", "县", "é", "€", "\uD83D\uDE9A",
        "\uD840\uDC0B", "\u00A0", "'", "<", "&"};

    @Test
    void aShipmentHashesAsItsCanonicalText() {
        Shipment s = shipment("ZTO", "从江-\uD83D\uDE9A-\"quoted\"\\path");
        assertThat(CanonicalForm.hash(s)).isEqualTo(CanonicalForm.sha256(CanonicalForm.of(s)));
    }

    @Test
    void anOrderHashesAsItsCanonicalText() {
        SalesOrder o = order("店铺\uD840\uDC0B", List.of("ZTO:1", "顺丰:\uD83D\uDCE6"));
        assertThat(CanonicalForm.hash(o)).isEqualTo(CanonicalForm.sha256(CanonicalForm.of(o)));
    }

    @Test
    void theHashOfAnOldRecordIsTheOneItAlwaysHad() {
        // the pinned hash of CanonicalFormStabilityTest's old shipment, written by hand: no parser between
        Shipment old = new Shipment(Carrier.ZTO, "75312345678901", Instant.parse("2026-10-31T16:30:00Z"), "522633",
                "CJ01", "440106", null, Instant.parse("2026-11-03T07:00:00Z"), "440106", "GZ-TH", "TAOBAO:3388", null,
                820, 6, Instant.parse("2026-11-03T07:05:00Z"));
        assertThat(CanonicalForm.hash(old)).isEqualTo("c288609fa0c2b3773f263c9ca0d3cbf7ce509d05e3eede46d9c4171e9f3eeee9");
    }

    @Test
    void aDigestIsWrittenInHexAsHexFormatWritesIt() {
        byte[] every = new byte[256];
        for (int b = 0; b < 256; b++) {
            every[b] = (byte) b;
        }
        assertThat(CanonicalForm.hex(every)).isEqualTo(java.util.HexFormat.of().formatHex(every));
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            assertThat(CanonicalForm.hex(digest)).isEqualTo(java.util.HexFormat.of().formatHex(digest));
        }
        assertThat(CanonicalForm.hex(new byte[0])).isEmpty();
    }

    @Test
    void recordsOfAnyTextHashAsTheirCanonicalText() {
        Random random = new Random(20261205);
        for (int i = 0; i < 2_000; i++) {
            Shipment s = shipment(text(random), text(random));
            assertThat(CanonicalForm.hash(s)).as("shipment %s", s).isEqualTo(CanonicalForm.sha256(CanonicalForm.of(s)));
            SalesOrder o = order(text(random), List.of(text(random), text(random)));
            assertThat(CanonicalForm.hash(o)).as("order %s", o).isEqualTo(CanonicalForm.sha256(CanonicalForm.of(o)));
        }
    }

    private static String text(Random random) {
        StringBuilder out = new StringBuilder();
        for (int n = 1 + random.nextInt(12); n > 0; n--) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toString();
    }

    private static Shipment shipment(String site, String waybill) {
        return new Shipment(Carrier.ZTO, waybill, AT, "522633", site, "440106", "MY", AT.plusSeconds(86_400), null,
                site, "TAOBAO:" + waybill, "91522633MA6XXXXX0X", 820, null, AT,
                List.of(new Scan(ScanType.COLLECT, AT, "522633", site)), null, "receiver-" + site);
    }

    private static SalesOrder order(String shop, List<String> waybills) {
        return new SalesOrder(Platform.TAOBAO, "o-" + shop, shop, "91522633MA6XXXXX0X", Channel.C2C, OrderStatus.PAID, AT,
                new BigDecimal("89.90"), BigDecimal.ZERO.setScale(2), "CNY", null, waybills, List.of("LOCAL_PRODUCT"),
                false, "440106", "CN", "buyer-" + shop, AT, null, null, null, 2);
    }
}

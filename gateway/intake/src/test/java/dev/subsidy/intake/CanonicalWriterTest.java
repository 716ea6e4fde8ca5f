package dev.subsidy.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Channel;
import dev.subsidy.model.OrderStatus;
import dev.subsidy.model.PaymentMethod;
import dev.subsidy.model.Platform;
import dev.subsidy.model.RefundStatus;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Scan;
import dev.subsidy.model.ScanType;
import dev.subsidy.model.Shipment;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The canonical form written by hand ({@link CanonicalWriter}) must be, byte for byte, what Jackson writes for the same
 * record: a stored record's content hash is what a resend is compared with, so a form that differed by one byte would
 * turn every resend after an upgrade into a new version. Records drawn at random over every field — absent, empty,
 * zero, negative, the largest values, instants to the nanosecond, decimals of any scale, texts of every kind — are
 * written both ways and compared; those the writer leaves to Jackson must come out the same through the fallback.
 */
class CanonicalWriterTest {

    /** Texts the writer writes itself (ASCII, Chinese, two- and three-byte UTF-8, DEL) and those it leaves to Jackson. */
    private static final String[] PLAIN = {"a", "Z", "9", "-", ":", "/", " ", "'", "<", "&", "从江", "县", "é", "€", "\u00A0",
        "\u007F", "\u2028", "\uFFFD", "ß"};
    private static final String[] ESCAPED = {"\"", "\\", "\n", "\t", "\u0000", "\u001F", "\uD83D\uDE9A", "\uD840\uDC0B"};
    private static final int RECORDS = 20_000;

    @Test
    void everyShipmentIsWrittenAsJacksonWritesIt() {
        int byHand = compareWriters(new SplittableRandom(20261207), CanonicalWriterTest::shipment, CanonicalForm::of,
                CanonicalForm::byJackson, CanonicalForm::hash, CanonicalForm::hashByJackson,
                (w, s) -> w.shipment(s));
        // most records take the writer's own path, or the comparison would prove nothing
        assertThat(byHand).isGreaterThan(RECORDS / 2).isLessThan(RECORDS);
    }

    @Test
    void everyOrderIsWrittenAsJacksonWritesIt() {
        int byHand = compareWriters(new SplittableRandom(1207), CanonicalWriterTest::order, CanonicalForm::of,
                CanonicalForm::byJackson, CanonicalForm::hash, CanonicalForm::hashByJackson, (w, o) -> w.order(o));
        assertThat(byHand).isGreaterThan(RECORDS / 2).isLessThan(RECORDS);
    }

    /** Draws {@link #RECORDS} records, compares each one's form and hash both ways; how many the writer wrote itself. */
    private static <T> int compareWriters(SplittableRandom random, Function<SplittableRandom, T> draw,
                                          Function<T, String> form, Function<T, String> jacksonForm,
                                          Function<T, String> hash, Function<T, String> jacksonHash,
                                          BiPredicate<CanonicalWriter, T> written) {
        int byHand = 0;
        for (int i = 0; i < RECORDS; i++) {
            T record = draw.apply(random);
            assertThat(form.apply(record)).as("record %d: %s", i, record).isEqualTo(jacksonForm.apply(record));
            assertThat(hash.apply(record)).as("record %d", i).isEqualTo(jacksonHash.apply(record));
            byHand += written.test(new CanonicalWriter(), record) ? 1 : 0;
        }
        return byHand;
    }

    @Test
    void theWritersBytesAreJacksonsUtf8() {
        Shipment s = new Shipment(Carrier.ZTO, "73000000000001", Instant.parse("2026-10-03T02:10:00Z"), null, "CJ-ZTO-01",
                "440106", null, null, null, null, "TAOBAO:1", null, 820, 0, Instant.parse("2026-10-03T02:11:00Z"));
        CanonicalWriter writer = new CanonicalWriter();

        assertThat(writer.shipment(s)).isTrue();
        assertThat(new String(writer.bytes(), 0, writer.length(), StandardCharsets.UTF_8))
                .isEqualTo("{\"carrier\":\"ZTO\",\"waybillNo\":\"73000000000001\",\"collectedAt\":\"2026-10-03T02:10:00Z\","
                        + "\"originSite\":\"CJ-ZTO-01\",\"destRegion\":\"440106\",\"orderRef\":\"TAOBAO:1\","
                        + "\"weightGrams\":820,\"traceEvents\":0}")
                .isEqualTo(CanonicalForm.byJackson(s));
    }

    @Test
    void aTextJsonMustEscapeIsLeftToJackson() {
        CanonicalWriter writer = new CanonicalWriter();
        for (String escaped : ESCAPED) {
            Shipment s = new Shipment(Carrier.SF, "SF" + escaped, null, null, null, null, null, null, null, null, null,
                    null, null, null, null);
            assertThat(writer.shipment(s)).as("%s", escaped).isFalse();
            assertThat(CanonicalForm.of(s)).isEqualTo(CanonicalForm.byJackson(s));
        }
    }

    private static Shipment shipment(SplittableRandom r) {
        return new Shipment(pick(r, Carrier.values()), text(r), instant(r), text(r), text(r), text(r), text(r), instant(r),
                text(r), text(r), text(r), text(r), integer(r), integer(r), instant(r), scans(r),
                r.nextInt(3) == 0 ? null : pick(r, PaymentMethod.values()), text(r));
    }

    private static SalesOrder order(SplittableRandom r) {
        return new SalesOrder(pick(r, Platform.values()), text(r), text(r), text(r), pick(r, Channel.values()),
                pick(r, OrderStatus.values()), instant(r), decimal(r), decimal(r), text(r), decimal(r), texts(r), texts(r),
                r.nextBoolean(), text(r), text(r), text(r), instant(r),
                r.nextInt(3) == 0 ? null : pick(r, PaymentMethod.values()),
                r.nextInt(3) == 0 ? null : pick(r, RefundStatus.values()), text(r), integer(r));
    }

    /** Null, empty, or pieces joined: mostly plain, one in ten holding a piece JSON escapes. */
    private static String text(SplittableRandom r) {
        int kind = r.nextInt(10);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        boolean escape = r.nextInt(10) == 0;
        for (int n = 1 + r.nextInt(8); n > 0; n--) {
            out.append(escape && r.nextInt(3) == 0 ? pick(r, ESCAPED) : pick(r, PLAIN));
        }
        return out.toString();
    }

    private static List<String> texts(SplittableRandom r) {
        List<String> out = new ArrayList<>();
        for (int n = r.nextInt(4); n > 0; n--) {
            String t = text(r);
            out.add(t == null ? "x" : t);
        }
        return List.copyOf(out);
    }

    private static List<Scan> scans(SplittableRandom r) {
        List<Scan> out = new ArrayList<>();
        for (int n = r.nextInt(3) == 0 ? r.nextInt(4) : 0; n > 0; n--) {
            out.add(new Scan(r.nextInt(5) == 0 ? null : pick(r, ScanType.values()), instant(r), text(r), text(r)));
        }
        return out;
    }

    private static Integer integer(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> null;
            case 1 -> 0;
            case 2 -> -r.nextInt(1000);
            case 3 -> Integer.MAX_VALUE;
            case 4 -> Integer.MIN_VALUE;
            default -> r.nextInt(100_000);
        };
    }

    private static BigDecimal decimal(SplittableRandom r) {
        return switch (r.nextInt(7)) {
            case 0 -> null;
            case 1 -> BigDecimal.ZERO;
            case 2 -> new BigDecimal(BigInteger.valueOf(r.nextLong(1, 1_000_000)), -r.nextInt(1, 8)); // 1E+3 and the like
            case 3 -> new BigDecimal(BigInteger.valueOf(r.nextLong(-1_000_000, 1_000_000)), r.nextInt(0, 12));
            case 4 -> new BigDecimal("0.00000001");
            case 5 -> new BigDecimal("123456789012345678901234567890.125");
            default -> BigDecimal.valueOf(r.nextInt(100_000), 2);
        };
    }

    private static Instant instant(SplittableRandom r) {
        long second = r.nextLong(-62_000_000_000L, 253_402_300_799L); // year 5 BCE… to 9999
        return switch (r.nextInt(7)) {
            case 0 -> null;
            case 1 -> Instant.ofEpochSecond(second);
            case 2 -> Instant.ofEpochSecond(second, r.nextInt(1000) * 1_000_000L);
            case 3 -> Instant.ofEpochSecond(second, r.nextInt(1_000_000) * 1_000L);
            case 4 -> Instant.ofEpochSecond(second, r.nextInt(1_000_000_000));
            case 5 -> r.nextBoolean() ? Instant.MAX : Instant.MIN;
            default -> Instant.ofEpochSecond(1_790_000_000L + r.nextInt(100_000_000));
        };
    }

    private static <E> E pick(SplittableRandom r, E[] values) {
        return values[r.nextInt(values.length)];
    }
}

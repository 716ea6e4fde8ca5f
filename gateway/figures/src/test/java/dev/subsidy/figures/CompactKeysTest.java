package dev.subsidy.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A figure's keys held as bytes sort, repeat and hash as their texts do in a TreeSet (docs/figures.md "The digest,
 * exactly"), for text of any UTF-16 code units, and hold ten million parcels' keys in a heap of a gigabyte.
 */
class CompactKeysTest {

    /** Pairs where UTF-16 order and code point or UTF-8 order differ, and where one text begins the other. */
    private static final List<List<String>> EDGES = List.of(
            List.of("\uD83D\uDCE6", "\uFF10"), // a surrogate pair sorts below U+FF10 in String order
            List.of("\uD800", "\uE000"), List.of("\uDBFF\uDFFF", "\uE000"), List.of("\uFFFF", "\uE000"),
            List.of("\uDFFF", "\uD800\uDC00"), List.of("\u007F", "\u0080"), List.of("\u07FF", "\u0800"),
            List.of("", "\u0000"), List.of("a", "a\u0000"), List.of("ZTO:1", "ZTO:12"), List.of("ZTO:9", "ZTO:10"),
            List.of("单", "单号"), List.of("a\uD83D", "a\uD83D\uDCE6"), List.of("", ""), List.of("é", "é"));

    @Test
    void twoKeysSortAsTheirTextsCompareWhereUtf16AndOtherOrdersDiffer() {
        for (List<String> pair : EDGES) {
            assertThat(sortedDistinct(pair)).as("%s", pair).isEqualTo(new ArrayList<>(new TreeSet<>(pair)));
            assertThat(sortedDistinct(reversed(pair))).as("%s", pair).isEqualTo(new ArrayList<>(new TreeSet<>(pair)));
        }
    }

    @Test
    void keysOfAnyTextSortRepeatAndHashAsATreeSetOfThem() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            List<String> keys = new ArrayList<>();
            int n = random.nextInt(round < 100 ? 20 : 2_000);
            for (int i = 0; i < n; i++) {
                keys.add(random.nextInt(5) == 0 && !keys.isEmpty() ? keys.get(random.nextInt(keys.size())) : key(random));
            }
            assertSortedDistinct(keys);
        }
    }

    @Property(tries = 300)
    void anyKeysSortRepeatAndHashAsATreeSetOfThem(@ForAll("keyLists") List<String> keys) {
        assertSortedDistinct(keys);
    }

    @Provide
    Arbitrary<List<String>> keyLists() {
        Arbitrary<String> anyUnits = Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(6);
        Arbitrary<String> edges = Arbitraries.strings().withChars('\u0000', '\u007F', '\u0080', '\u07FF', '\u0800',
                '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uE000', '\uFFFF', 'a', '单').ofMaxLength(5);
        Arbitrary<String> parcels = Arbitraries.of("ZTO", "SF", "JD", "YTO")
                .flatMap(c -> Arbitraries.strings().numeric().ofMaxLength(14).map(n -> c + ":" + n));
        Arbitrary<String> key = Arbitraries.oneOf(anyUnits, edges, parcels);
        // drawn from a few keys, so that lists repeat keys and hold keys that begin others
        return key.list().ofMinSize(1).ofMaxSize(12)
                .flatMap(pool -> Arbitraries.of(pool).list().ofMaxSize(60));
    }

    @Test
    void aNameAndNumberAreTheKeyOfTheirTextWithItsColon() {
        SplittableRandom random = new SplittableRandom(5);
        CompactKeys parts = new CompactKeys();
        CompactKeys texts = new CompactKeys();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String name = List.of("ZTO", "SF", "TAOBAO", "拼多多", "").get(random.nextInt(5));
            String number = key(random);
            parts.add(null, name, number);
            texts.add(name + ":" + number);
            keys.add(name + ":" + number);
        }
        Digest.Lines partLines = new Digest.Lines();
        Digest.Lines textLines = new Digest.Lines();

        assertThat(parts.size()).isEqualTo(20_000);
        assertThat(parts.sortedDistinct(partLines)).isEqualTo(texts.sortedDistinct(textLines))
                .isEqualTo(new ArrayList<>(new TreeSet<>(keys)));
        assertThat(partLines.digest()).isEqualTo(textLines.digest()).isEqualTo(Digest.of(keys));
    }

    @Test
    void aMillionKeysInOrderInReverseAndInTwoInterleavedRunsSortAsTheirTexts() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1_000_000; i++) {
            keys.add("ZTO:" + (731_000_000_000L + i));
        }
        String digest = Digest.ofSorted(keys);
        assertThat(sortedDistinctAndDigest(keys)).isEqualTo(List.of(keys, digest));
        assertThat(sortedDistinctAndDigest(reversed(keys))).isEqualTo(List.of(keys, digest));

        // two reading threads' runs in turns, each key twice
        List<String> interleaved = new ArrayList<>();
        for (int i = 0; i < 500_000; i++) {
            interleaved.add(keys.get(i));
            interleaved.add(keys.get(500_000 + i));
            interleaved.add(keys.get(i));
        }
        interleaved.addAll(keys.subList(500_000, 1_000_000));
        assertThat(sortedDistinctAndDigest(interleaved)).isEqualTo(List.of(keys, digest));
    }

    @Test
    void aMillionParcelKeysTakeLessThanThirtyBytesEach() {
        CompactKeys keys = new CompactKeys();
        for (int i = 0; i < 1_000_000; i++) {
            keys.add(null, "ZTO", Long.toString(731_000_000_000L + i));
        }

        assertThat(keys.bytes() / 1_000_000.0).as("bytes a key").isLessThan(30);
    }

    @Test
    void keysLongerThanAChunkAndKeysAcrossChunksAreKeptWhole() {
        List<String> keys = new ArrayList<>();
        keys.add("9".repeat(3_000_000));
        keys.add("单".repeat(700_000)); // 2.1 MB
        for (int i = 0; i < 200_000; i++) {
            keys.add("TAOBAO:店铺-" + i);
        }
        keys.add("9".repeat(2_999_999));
        Collections.shuffle(keys, new java.util.Random(3));

        assertSortedDistinct(keys);
    }

    @Test
    void theKeysListIsReadByIndexAndNothingIsAddedOnceSorted() {
        CompactKeys keys = new CompactKeys();
        keys.add("SF:2");
        keys.add(null, "SF", "1");
        keys.add("SF:2");
        Digest.Lines lines = new Digest.Lines();
        List<String> distinct = keys.sortedDistinct(lines);

        assertThat(distinct).isInstanceOf(RandomAccess.class).containsExactly("SF:1", "SF:2");
        assertThat(keys.size()).isEqualTo(3);
        assertThatThrownBy(() -> distinct.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> keys.add("SF:3")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keys.add(null, "SF", "3")).isInstanceOf(IllegalStateException.class);
        // sorted again, the same keys: a retry of a figure digests them again
        Digest.Lines again = new Digest.Lines();
        assertThat(keys.sortedDistinct(again)).containsExactly("SF:1", "SF:2");
        assertThat(again.digest()).isEqualTo(lines.digest()).isEqualTo(Digest.of(List.of("SF:1", "SF:2")));
    }

    @Test
    void figuresSharingBytesWriteARecordCountedInBothOnceAndEachKeepsItsOwnKeys() {
        KeyBytes shared = new KeyBytes();
        CompactKeys outbound = new CompactKeys(shared);
        CompactKeys delivered = new CompactKeys(shared);
        Object[] parcels = new Object[20_000];
        for (int i = 0; i < parcels.length; i++) {
            parcels[i] = new Object();
            outbound.add(parcels[i], "ZTO", Long.toString(731_000_000_000L + i));
        }
        for (int i = parcels.length - 1; i >= 0; i--) {
            outbound.add(null, "SF", Long.toString(i)); // another record between: the next is written again
            if (i % 2 == 0) {
                delivered.add(parcels[i], "ZTO", Long.toString(731_000_000_000L + i));
            }
        }
        List<String> expectedOutbound = new ArrayList<>();
        List<String> expectedDelivered = new ArrayList<>();
        for (int i = 0; i < parcels.length; i++) {
            expectedOutbound.add("ZTO:" + (731_000_000_000L + i));
            expectedOutbound.add("SF:" + i);
            if (i % 2 == 0) {
                expectedDelivered.add("ZTO:" + (731_000_000_000L + i));
            }
        }
        Digest.Lines lines = new Digest.Lines();
        assertThat(outbound.sortedDistinct(lines)).containsExactlyElementsOf(new TreeSet<>(expectedOutbound));
        assertThat(lines.digest()).isEqualTo(Digest.of(expectedOutbound));
        Digest.Lines other = new Digest.Lines();
        assertThat(delivered.sortedDistinct(other)).containsExactlyElementsOf(new TreeSet<>(expectedDelivered));
        assertThat(other.digest()).isEqualTo(Digest.of(expectedDelivered));
        // the same record right after itself is not written again, nor after a key of text; after another record it is
        KeyBytes again = new KeyBytes();
        Object parcel = new Object();
        int first = again.add(parcel, "ZTO", "731000000001");
        long written = again.bytes();
        assertThat(again.add(parcel, "ZTO", "731000000001")).isEqualTo(first);
        assertThat(again.add("SF:1")).isNotEqualTo(first);
        assertThat(again.add(parcel, "ZTO", "731000000001")).isEqualTo(first);
        assertThat(again.add(new Object(), "SF", "2")).isNotEqualTo(first);
        assertThat(again.add(parcel, "ZTO", "731000000001")).isNotEqualTo(first);
        assertThat(written).as("one small key fits the first chunk").isEqualTo(new KeyBytes().bytes());
    }

    @Test
    void noKeysAreTheDigestOfNothing() {
        Digest.Lines lines = new Digest.Lines();

        assertThat(new CompactKeys().sortedDistinct(lines)).isEmpty();
        assertThat(lines.digest()).isEqualTo(Digest.of(List.of()));
    }

    private static void assertSortedDistinct(List<String> keys) {
        assertThat(sortedDistinctAndDigest(keys)).isEqualTo(List.of(new ArrayList<>(new TreeSet<>(keys)),
                Digest.of(keys)));
    }

    private static List<String> reversed(List<String> keys) {
        List<String> reversed = new ArrayList<>(keys);
        Collections.reverse(reversed);
        return reversed;
    }

    private static List<String> sortedDistinct(List<String> keys) {
        CompactKeys compact = new CompactKeys();
        keys.forEach(compact::add);
        return compact.sortedDistinct(new Digest.Lines());
    }

    /** The sorted distinct keys and the digest of their lines. */
    private static List<Object> sortedDistinctAndDigest(List<String> keys) {
        CompactKeys compact = new CompactKeys();
        keys.forEach(compact::add);
        Digest.Lines lines = new Digest.Lines();
        List<String> distinct = compact.sortedDistinct(lines);
        assertThat(compact.size()).isEqualTo(keys.size());
        return List.of(distinct, lines.digest());
    }

    /** A parcel's key most often, else text beyond ASCII: CJK, surrogate pairs and halves, U+E000 and above. */
    private static String key(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> "ZTO:" + (731_000_000_000L + random.nextInt(5_000));
            case 3 -> "单" + random.nextInt(30);
            case 4 -> (random.nextBoolean() ? "\uD83D\uDCE6" : "\uFF10") + random.nextInt(30);
            case 5 -> "";
            case 6 -> "ZTO:" + random.nextInt(100); // begins longer keys
            default -> {
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(6); i > 0; i--) {
                    text.append((char) (random.nextBoolean() ? random.nextInt(0x10000) : 0xD800 + random.nextInt(0x2800)));
                }
                yield text.toString();
            }
        };
    }
}

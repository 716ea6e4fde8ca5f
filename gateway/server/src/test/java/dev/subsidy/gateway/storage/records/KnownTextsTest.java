package dev.subsidy.gateway.storage.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A query's repeated texts are one string each, found by the bytes a row holds them in. */
class KnownTextsTest {

    @Test
    void theSameBytesGiveTheSameStringAndOtherBytesTheirOwn() {
        KnownTexts known = new KnownTexts();
        SplittableRandom random = new SplittableRandom(5);
        Map<String, String> first = new HashMap<>();
        String[] pieces = {"shop-", "CJ-ZTO-0", "522633", "从江", "\uD83D\uDCE6", "", "a,b"};
        // enough distinct texts to grow the table several times, each met again at an offset inside a longer row
        for (int i = 0; i < 50_000; i++) {
            String text = pieces[random.nextInt(pieces.length)] + random.nextInt(5_000);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            byte[] row = new byte[utf8.length + 7];
            System.arraycopy(utf8, 0, row, 3, utf8.length);

            String found = known.of(row, 3, utf8.length);

            assertThat(found).isEqualTo(text);
            assertThat(found).isSameAs(first.computeIfAbsent(text, t -> found));
        }
        assertThat(first).hasSizeGreaterThan(20_000);
    }

    @Test
    void aTextReadAsAStringIsTheOneHeldForItsBytes() {
        KnownTexts known = new KnownTexts();
        byte[] row = "xx522633yy".getBytes(StandardCharsets.UTF_8);
        String held = known.of(row, 2, 6);

        assertThat(known.of(new String("522633"))).isSameAs(held);
        assertThat(known.of((String) null)).isNull();
        // not its own UTF-8 (a lone surrogate): given back as it is, not as what its bytes read back to
        String lone = "a\uD800";
        assertThat(known.of(lone)).isSameAs(lone);
    }

    @Test
    void bytesThatAreNotUtf8ReadAsAStringMadeFromThemWouldRead() {
        KnownTexts known = new KnownTexts();
        // a lone continuation byte, a cut three-byte sequence, an overlong slash: each replaced as the decoder does
        byte[][] rows = {{'a', (byte) 0x80, 'b'}, {'x', (byte) 0xE4, (byte) 0xB8}, {(byte) 0xC0, (byte) 0xAF}};
        for (byte[] row : rows) {
            String expected = new String(row, StandardCharsets.UTF_8);
            assertThat(known.of(row, 0, row.length)).isEqualTo(expected).contains("\uFFFD");
            assertThat(known.of(row, 0, row.length)).isSameAs(known.of(row.clone(), 0, row.length));
        }
    }

    @Test
    void pastTheBoundANewTextIsGivenButNotRemembered() {
        KnownTexts known = new KnownTexts();
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = Integer.toString(i).getBytes(StandardCharsets.UTF_8);
            known.of(bytes, 0, bytes.length);
        }
        byte[] late = "late".getBytes(StandardCharsets.UTF_8);
        byte[] early = "17".getBytes(StandardCharsets.UTF_8);

        assertThat(known.of(late, 0, late.length)).isEqualTo("late").isNotSameAs(known.of(late, 0, late.length));
        assertThat(known.of(early, 0, early.length)).isSameAs(known.of(early, 0, early.length));
    }
}

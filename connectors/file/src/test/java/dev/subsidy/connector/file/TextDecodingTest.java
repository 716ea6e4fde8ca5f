package dev.subsidy.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String HEADER = "运单号,快递公司,目的地\n";

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /**
     * Decodes, and holds {@link TextDecoding#check} to the same rule: the same refusal, or a charset and
     * start that decode to the same text.
     */
    private static String decode(byte[] bytes, Charset declared) throws TextDecoding.RefusedText {
        String text;
        try {
            text = TextDecoding.decode(bytes, declared, "the Content-Type");
        } catch (TextDecoding.RefusedText refused) {
            assertThatThrownBy(() -> TextDecoding.check(bytes, declared, "the Content-Type"))
                    .isInstanceOfSatisfying(TextDecoding.RefusedText.class, e -> {
                        assertThat(e.getMessage()).isEqualTo(refused.getMessage());
                        assertThat(e.line()).isEqualTo(refused.line());
                    });
            throw refused;
        }
        TextDecoding.Checked checked = TextDecoding.check(bytes, declared, "the Content-Type");
        assertThat(new String(bytes, checked.start(), bytes.length - checked.start(), checked.charset())).isEqualTo(text);
        return text;
    }

    @Test
    void aLargeBodyIsCheckedWindowByWindowAndRefusedAtTheLineWhereItBreaks() throws Exception {
        // many windows of chars, four-byte characters (two chars each) straddling their edges
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            text.append(i).append(",中通快递,𠀀𠀁,广州市\n");
        }
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(decode(utf8, null)).isEqualTo(text.toString());
        assertThat(decode(utf8, StandardCharsets.UTF_8)).isEqualTo(text.toString());
        byte[] broken = concat(utf8, new byte[] {'x', (byte) 0xFF, '\n'});
        assertThatThrownBy(() -> decode(broken, StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(TextDecoding.RefusedText.class, e -> assertThat(e.line()).isEqualTo(40_001));
    }

    @Test
    void utf8WithOrWithoutByteOrderMarkAndGbkWithoutACharsetAreReadAsTheyWereWritten() throws Exception {
        String text = HEADER + "731234567890123,中通快递,广州市\n";
        assertThat(decode(text.getBytes(StandardCharsets.UTF_8), null)).isEqualTo(text);
        assertThat(decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8)),
                null)).isEqualTo(text);
        assertThat(decode(text.getBytes(GBK), null)).isEqualTo(text);
        assertThat(decode(text.getBytes(GBK), GBK)).isEqualTo(text);
        assertThat(decode(text.getBytes(GBK), Charset.forName("GB18030"))).isEqualTo(text);
        assertThat(decode(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void aBodyMixingAUtf8LineAndAGbkLineIsRefusedNamingBoth() {
        // "韵达" in UTF-8 is also valid GBK (as mojibake): it must still count as UTF-8
        byte[] mixed = concat(HEADER.getBytes(GBK), "1,韵达,广州\n".getBytes(StandardCharsets.UTF_8),
                "2,中通快递,广州市\n".getBytes(GBK));
        assertThatThrownBy(() -> decode(mixed, null))
                .isInstanceOfSatisfying(TextDecoding.RefusedText.class, e -> {
                    assertThat(e.getMessage()).contains("mixes encodings: line 2 is UTF-8 and line 1 is GBK");
                    assertThat(e.line()).isEqualTo(1);
                });
    }

    @Test
    void aUtf8BodyDeclaredAsGbkIsRefusedAtItsFirstChineseLine() {
        byte[] utf8 = ("kind,shopId\norder,tb-1\norder,香猪店\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> decode(utf8, GBK))
                .isInstanceOfSatisfying(TextDecoding.RefusedText.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("line 3 is UTF-8 text, though the Content-Type says GBK");
                    assertThat(e.line()).isEqualTo(3);
                });
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "a\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> decode(withBom, GBK)).hasMessageContaining("byte order mark");
    }

    @Test
    void aCharsetThatReadsAnyBytesIsRefused() {
        byte[] utf8 = "香猪店\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> decode(utf8, StandardCharsets.ISO_8859_1))
                .hasMessageContaining("charset ISO-8859-1 is not accepted");
        assertThatThrownBy(() -> decode(utf8, StandardCharsets.UTF_16LE))
                .hasMessageContaining("charset UTF-16LE is not accepted");
    }

    @Test
    void aDeclaredUtf8BodyThatIsNotUtf8IsRefusedAtTheBrokenLine() {
        byte[] body = concat("a\nb\n".getBytes(StandardCharsets.UTF_8), "从江\n".getBytes(GBK));
        assertThatThrownBy(() -> decode(body, StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(TextDecoding.RefusedText.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("line 3 is not UTF-8 text, though the Content-Type says UTF-8");
                    assertThat(e.line()).isEqualTo(3);
                });
        assertThatThrownBy(() -> decode("ok\n香\n".getBytes(StandardCharsets.UTF_8), StandardCharsets.US_ASCII))
                .hasMessageContaining("line 2 has bytes outside US-ASCII");
    }

    @Test
    void bytesValidInNeitherEncodingAreRefusedAtTheirLine() {
        byte[] body = concat("a,b\n".getBytes(StandardCharsets.UTF_8), new byte[] {'1', ',', (byte) 0xFF, (byte) 0xFE, '\n'});
        assertThatThrownBy(() -> decode(body, null))
                .isInstanceOfSatisfying(TextDecoding.RefusedText.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("line 2 is neither UTF-8 nor GBK/GB18030 text");
                    assertThat(e.line()).isEqualTo(2);
                });
        // a UTF-8 body broken on its fourth line is UTF-8 gone wrong, not GBK
        byte[] broken = concat("中通\n韵达\n申通\n".getBytes(StandardCharsets.UTF_8), new byte[] {'x', (byte) 0xFF, '\n'});
        assertThatThrownBy(() -> decode(broken, null))
                .hasMessage("line 4 is neither UTF-8 nor GBK/GB18030 text (line 1 is UTF-8)");
        byte[] bomThenGbk = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "a\n".getBytes(StandardCharsets.UTF_8),
                "从江\n".getBytes(GBK));
        assertThatThrownBy(() -> decode(bomThenGbk, null))
                .hasMessage("line 2 is not UTF-8 text, though the text starts with a UTF-8 byte order mark");
    }

    @Test
    void aDeclaredGbkBodyThatIsNotGbkIsRefusedAtTheBrokenLine() {
        byte[] body = concat("a\n".getBytes(GBK), new byte[] {'b', (byte) 0xFF, '\n'});
        assertThatThrownBy(() -> decode(body, GBK)).hasMessage("line 2 is not GBK text, though the Content-Type says GBK");
    }

    @Test
    void genuineGbkExportsAreNeverMistakenForMixedBodies() throws Exception {
        // GBK lines may be valid UTF-8 by chance; they must not count as UTF-8 lines
        Random random = new Random(20261203);
        for (int body = 0; body < 300; body++) {
            StringBuilder text = new StringBuilder(HEADER);
            for (int row = 0; row < 40; row++) {
                text.append(7300000 + row).append(',').append(hanzi(random, 1 + random.nextInt(4))).append(',')
                        .append(hanzi(random, 1 + random.nextInt(3))).append('\n');
            }
            String expected = text.toString();
            assertThat(decode(expected.getBytes(GBK), null)).isEqualTo(expected);
            assertThat(decode(expected.getBytes(GBK), GBK)).isEqualTo(expected);
        }
    }

    @Test
    void everyUtf8ChineseLineInAGbkBodyIsFound() {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            String line = hanzi(random, 1 + random.nextInt(6));
            byte[] body = concat("1,".getBytes(GBK), hanzi(random, 3).getBytes(GBK), "\n2,".getBytes(GBK),
                    line.getBytes(StandardCharsets.UTF_8), "\n".getBytes(GBK));
            assertThatThrownBy(() -> decode(body, null)).as(line).hasMessageContaining("line 2 is UTF-8");
            assertThatThrownBy(() -> decode(body, GBK)).as(line).hasMessageContaining("line 2 is UTF-8 text");
        }
    }

    @Test
    void theFileConnectorsSettingIsTheDeclaredCharset() {
        byte[] gbk = "运单号\n".getBytes(GBK);
        assertThatThrownBy(() -> TextDecoding.decode(gbk, "UTF-8"))
                .hasMessage("the file cannot be read as text: line 1 is not UTF-8 text, though the connector's "
                        + "encoding setting says UTF-8");
    }

    /** Han characters from GB2312 (both levels), the repertoire of real exports. */
    private static String hanzi(Random random, int count) {
        StringBuilder out = new StringBuilder();
        Charset gb2312 = Charset.forName("GB2312");
        while (out.length() < count) {
            byte[] pair = {(byte) (0xB0 + random.nextInt(0xF7 - 0xB0 + 1)), (byte) (0xA1 + random.nextInt(0xFE - 0xA1 + 1))};
            String c = new String(pair, gb2312);
            if (c.length() == 1 && c.charAt(0) >= 0x4E00 && c.charAt(0) <= 0x9FFF) {
                out.append(c);
            }
        }
        return out.toString();
    }
}

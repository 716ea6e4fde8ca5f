package dev.subsidy.runtime.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A mapping's uploaded bytes: UTF-8 or refused at the first bad byte, within the size or refused where it crosses it. */
class MappingUploadTest {

    private static MappingUpload.Result upload(byte[] bytes, int limit) {
        return MappingUpload.of(bytes, limit);
    }

    @Test
    void utf8TextIsTakenWithoutItsByteOrderMark() {
        byte[] withBom = ("\uFEFF{\"承运商\": .a}").getBytes(StandardCharsets.UTF_8);

        assertThat(upload(withBom, 1000).text()).isEqualTo("{\"承运商\": .a}");
    }

    @Test
    void theFirstByteThatIsNotUtf8IsNamedWithItsOffsetLineAndColumn() {
        byte[] gbk = "{\n  \"承运商\": .a\n}".getBytes(Charset.forName("GBK"));

        MappingUpload.Result r = upload(gbk, 1000);

        assertThat(r.text()).isNull();
        assertThat(r.line()).isEqualTo(2);
        assertThat(r.column()).isEqualTo(4);
        assertThat(r.problem()).isEqualTo("the text is not UTF-8: the byte at offset 5 (0xB3) is not part of any UTF-8 character; "
                + "save the mapping as UTF-8");
    }

    @Test
    void aCharacterCutShortAtTheEndIsNotUtf8() {
        byte[] utf8 = "{\"a\": \"中\"}".getBytes(StandardCharsets.UTF_8);
        byte[] cut = Arrays.copyOf(utf8, 9); // '{"a": "' and two of the three bytes of 中

        MappingUpload.Result r = upload(cut, 1000);

        assertThat(r.problem()).startsWith("the text is not UTF-8: the byte at offset 7 (0xE4)");
        assertThat(r.column()).isEqualTo(8);
    }

    @Test
    void aTextOverTheLimitIsPlacedAtTheCharacterThatCrossesIt() {
        byte[] text = "ab\n中文中文".getBytes(StandardCharsets.UTF_8); // 3 bytes, then 3 a character

        MappingUpload.Result r = upload(text, 7); // byte 7 is the second byte of 文

        assertThat(r.text()).isNull();
        assertThat(r.line()).isEqualTo(2);
        assertThat(r.column()).isEqualTo(2);
        assertThat(r.problem()).isEqualTo("the mapping is longer than the 7 bytes a mapping may have (gateway.mappings.max-text-bytes)");
        assertThat(upload(text, text.length).text()).isEqualTo("ab\n中文中文");
    }
}

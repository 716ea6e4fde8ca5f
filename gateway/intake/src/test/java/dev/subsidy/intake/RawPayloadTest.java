package dev.subsidy.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Each reader hands over every record's raw payload (docs/records.md "Provenance") exactly as it
 * stands in the body: the whitespace, key order and number spelling the feeder chose, never a
 * re-serialisation, so a feeder can hash its own text and find the same SHA-256.
 */
class RawPayloadTest {

    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private List<String> payloads(FeedFormat format, String body) {
        return RecordReader.open(format, body, json).next(100).stream().map(BodyRecord::payload).toList();
    }

    @Test
    void aJsonArrayElementIsItsOwnTextWithItsLayoutKeyOrderAndNumberSpelling() {
        String first = "{\"kind\": \"order\",\n    \"amount\": 1.50E2, \"名\": \"从江😀\",\n    \"items\": [1, {\"x\": \"]\"}]}";
        String second = "{\"b\":1,\"a\":2}";
        String body = "[\n  " + first + " ,\n" + second + "\n]\n";

        assertThat(payloads(FeedFormat.JSON, body)).containsExactly(first, second);
    }

    @Test
    void aJsonArrayInUtf8IsReadFromItsBytesToTheSameTextsWithOrWithoutAByteOrderMark() {
        String first = "{\"kind\": \"order\",\n    \"amount\": 1.50E2, \"名\": \"从江😀\",\n    \"items\": [1, {\"x\": \"]\"}]}";
        String second = "{\"b\":1,\"a\":\"𠀀\"}";
        String body = " \r\n\t[\n  " + first + " ,\n" + second + "\n]\n";
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);

        for (byte[] bytes : List.of(utf8, bom)) {
            RecordReader reader = RecordReader.open(FeedFormat.JSON, bytes, TextDecoder.check(bytes, StandardCharsets.UTF_8), json);
            assertThat(reader).isInstanceOf(JsonArrayReader.class);
            assertThat(reader.next(100)).extracting(BodyRecord::payload).containsExactly(first, second);
        }
    }

    @Property(tries = 200)
    void aJsonArrayReadFromItsBytesGivesWhatReadingItsTextGives(
            @ForAll @StringLength(max = 40) String value, @ForAll @StringLength(max = 12) String spacing) {
        String blanks = spacing.chars().mapToObj(c -> switch (c % 4) {
            case 0 -> " ";
            case 1 -> "\n";
            case 2 -> "\t";
            default -> "\r\n";
        }).reduce("", String::concat);
        String element = "{" + blanks + "\"v\":" + blanks + json.valueToTree(value).toString() + blanks + "}";
        String body = blanks + "[" + blanks + element + "," + blanks + element + blanks + "]" + blanks;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        List<BodyRecord> fromBytes = RecordReader.open(FeedFormat.JSON, bytes, TextDecoder.check(bytes,
                StandardCharsets.UTF_8), json).next(100);
        List<BodyRecord> fromText = RecordReader.open(FeedFormat.JSON, body, json).next(100);

        assertThat(fromBytes).extracting(BodyRecord::payload).containsExactly(element, element)
                .isEqualTo(fromText.stream().map(BodyRecord::payload).toList());
        assertThat(fromBytes).extracting(r -> r.fields().get("v").asText()).containsExactly(value, value);
    }

    @Test
    void anNdjsonRecordIsItsLineWithoutTheLineEnding() {
        String first = "{\"kind\":\"shipment\",  \"weightGrams\": 120}";
        String second = "{\"kind\":\"order\"}";

        assertThat(payloads(FeedFormat.NDJSON, first + "\r\n\n   \n" + second)).containsExactly(first, second);
    }

    @Test
    void aCsvRowIsTheHeaderAndTheRowAsTheyStandJoinedByOneLineFeed() {
        String header = "kind,waybillNo,note";
        String quoted = "shipment,ZT1,\"two\r\nlines, and \"\"quotes\"\"\"";
        String plain = "shipment,ZT2, spaced ";
        String body = header + "\r\n" + quoted + "\r\n\r\n" + plain;

        assertThat(payloads(FeedFormat.CSV, body)).containsExactly(header + "\n" + quoted, header + "\n" + plain);
    }

    @Test
    void aCsvRowWithAnotherColumnCountHasNoPayloadBecauseItIsNoRecord() {
        assertThat(payloads(FeedFormat.CSV, "kind,waybillNo\nshipment,ZT1,extra\nshipment,ZT2\n"))
                .containsExactly(null, "kind,waybillNo\nshipment,ZT2");
    }

    @Property(tries = 200)
    void everyCsvRowComesBackExactlyHoweverItsCellsAreQuoted(
            @ForAll @StringLength(max = 12) @AlphaChars @NumericChars @Chars({',', '"', '\n', '\r', ' ', '从'}) String cell,
            @ForAll boolean crlf) {
        String eol = crlf ? "\r\n" : "\n";
        String row = "shipment,\"" + cell.replace("\"", "\"\"") + "\",last";
        String body = "kind,cell,tail" + eol + row + eol + "shipment,plain,last" + eol;

        assertThat(payloads(FeedFormat.CSV, body))
                .containsExactly("kind,cell,tail\n" + row, "kind,cell,tail\nshipment,plain,last");
    }
}

package dev.subsidy.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An NDJSON line of plain ASCII is parsed from the body's bytes (NdjsonReader): each line must come out as reading
 * its text gives it — the same fields, the same payload, the same problem in the same words — whatever the line
 * holds, including bytes Jackson would take for UTF-16 or UTF-32.
 */
class NdjsonBytesTest {

    /** As FeedIntake has it: exact decimals, a field named twice refused. */
    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"kind\": \"shipment\", \"weightGrams\": 120}",
        "  {\"a\": 1}\t\r",
        "{\"a\": 1}\u001c\u001f",
        "{\"a\": 1}\u3000",
        "\u3000{\"a\": 1}",
        "{\"名\": \"从江\"}",
        "{\"a\": \"\u0000\"}",
        "\u0000{\u0000}",
        "\u0000\u0000\u0000{",
        "{\u0000\u0000\u0000",
        "{\u0000\"\u0000a\u0000\"\u0000:\u00001\u0000}\u0000",
        "\u0000{\u0000\"\u0000a\u0000\"\u0000:\u00001\u0000}",
        "{\"a\": 1}\u0000",
        "{\"a\": 1",
        "{\"a\": 1} trailing",
        "{\"a\": 1}{\"b\": 2}",
        "{\"a\": 1, \"a\": 2}",
        "{'a': 1}",
        "{a: 1}",
        "{\"a\": 1,}",
        "{\"a\": 01}",
        "{\"a\": NaN}",
        "{\"a\": 1.5e40339999999}",
        "{\"a\": 12345678901234567890123.5}",
        "{\"a\": \"\u0001\"}",
        "{\"a\": \"\\q\"}",
        "/* note */ {\"a\": 1}",
        "[1, 2]",
        "null",
        "\"text\"",
        "42",
        "{\"a\": tru}",
        "{\"a\": \"never closed}",
        "}"
    })
    void aLineIsReadFromItsBytesAsFromItsText(String line) {
        String body = "{\"first\": true}\n" + line + "\r\n\n{\"last\": true}\n";

        assertThat(outcome(body, StandardCharsets.UTF_8)).isEqualTo(reference(body));
    }

    @Property(tries = 300)
    void anyLineOfJsonishCharactersIsReadFromItsBytesAsFromItsText(
            @ForAll @StringLength(max = 24) @NumericChars @Chars({'{', '}', '[', ']', '"', ':', ',', ' ', 'a', 'e', '.',
                '-', '\u0000', '\t', '\r', '\u001c', '\\', 'n', 'u', 'l', '从'}) String line) {
        String body = line + "\n{\"b\": 2}";

        assertThat(outcome(body, StandardCharsets.UTF_8)).isEqualTo(reference(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"shop\": \"从江\"}", "{\"shop\": \"A\"}", "{\"shop\": \"从江\", }", "{\"a\": 1}\u3000"})
    void aGb18030LineIsReadAsItsText(String line) {
        String body = line + "\n{\"b\": 2}\n";

        assertThat(outcome(body, Charset.forName("GB18030"))).isEqualTo(reference(body));
    }

    /** Lines a body may hold, good and broken, for {@link #anyBodyOfSuchLinesIsReadLineByLineAsItsTextIs}. */
    private static final String[] LINES = {
        "{\"kind\": \"shipment\", \"weightGrams\": 120}",
        "{\"a\":1}",
        "{\"名\": \"从江 𠀀\"}",
        "  {\"a\": 2}\t\r",
        "{\"a\": 1}\u001c",
        "{\"a\": 1}\u3000",
        "",
        "   ",
        "{\"a\": 1",
        "\"b\": 2}",
        "{\"a\": 1},",
        "[",
        "]",
        "[{\"a\": 1},",
        "{\"a\": 1} {\"b\": 2}",
        "{\"a\": 1, \"a\": 2}",
        "{\"a\": \"never closed",
        "{\"a\": [1, 2",
        "42",
        "{\"a\": 1.5e40339999999}",
        "{\u0000}",
        "{\"a\": {\"b\": {\"c\": [true, null, \"x\"]}}}"
    };

    @Property(tries = 500)
    void anyBodyOfSuchLinesIsReadLineByLineAsItsTextIs(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 21) Integer> lines, @ForAll boolean crlf) {
        StringBuilder body = new StringBuilder();
        lines.forEach(i -> body.append(LINES[i]).append(crlf ? "\r\n" : "\n"));

        assertThat(outcome(body.toString(), StandardCharsets.UTF_8)).isEqualTo(reference(body.toString()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aBodyLongerThanOneParsersSpanAndALineLongerThanItAreReadAsTheirText(int lineLongerThanTheSpan) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < 3 * NdjsonReader.SHARED_SPAN; i++) {
            body.append("{\"kind\":\"shipment\",\"waybillNo\":\"73").append(1_000_000_000L + i).append("\"}\n");
            if (i == 4_000 * lineLongerThanTheSpan) {
                body.append("{\"long\":\"").append("x".repeat(NdjsonReader.SHARED_SPAN + 17)).append("\"}\n");
            }
            if (i == 9_000) {
                // an array pretty-printed over lines: its first line opens what only a later line closes
                body.append("[\n{\"a\": 1},\n{\"a\": 2}\n]\n");
            }
        }

        assertThat(outcome(body.toString(), StandardCharsets.UTF_8)).isEqualTo(reference(body.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1}", "{\"名\": \"从江\"}"})
    void aBodyOfGoodLinesIsReadByOneParserASpanNotOneALine(String line) {
        AtomicInteger parsers = new AtomicInteger();
        ObjectMapper counted = JsonMapper.builder(new JsonFactory() {
            @Override
            public JsonParser createParser(byte[] data, int offset, int len) throws IOException {
                parsers.incrementAndGet();
                return super.createParser(data, offset, len);
            }
        }).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        byte[] body = (line + "\n").repeat(3_000).getBytes(StandardCharsets.UTF_8);
        RecordReader reader = new NdjsonReader(body, 0, StandardCharsets.UTF_8, counted);

        int read = 0;
        for (List<BodyRecord> chunk = reader.next(1_000); !chunk.isEmpty(); chunk = reader.next(1_000)) {
            assertThat(chunk).allSatisfy(r -> assertThat(r.fields()).isNotNull());
            read += chunk.size();
        }

        assertThat(read).isEqualTo(3_000);
        assertThat(parsers).as("parsers made for %d bytes", body.length)
                .hasValue(body.length / NdjsonReader.SHARED_SPAN + 1);
        // a broken line in the middle: read on its own, then the next good line, then one parser again
        parsers.set(0);
        String broken = (line + "\n").repeat(10) + "{\"a\": \n" + (line + "\n").repeat(10);
        RecordReader again = new NdjsonReader(broken.getBytes(StandardCharsets.UTF_8), 0, StandardCharsets.UTF_8, counted);
        assertThat(again.next(100)).hasSize(21);
        assertThat(parsers).as("shared, the broken line alone, the line after it alone, shared again").hasValue(4);
    }

    /** Every record NdjsonReader reads from the body's bytes in {@code charset}. */
    private String outcome(String body, Charset charset) {
        byte[] bytes = body.getBytes(charset);
        RecordReader reader = new NdjsonReader(bytes, 0, charset, json);
        List<String> out = new ArrayList<>();
        for (List<BodyRecord> chunk = reader.next(2); !chunk.isEmpty(); chunk = reader.next(2)) {
            chunk.forEach(r -> out.add(r.index() + " " + r.fields() + " " + r.problem() + " " + r.raw() + " " + r.payload()));
        }
        return String.join("\n", out);
    }

    /** What reading each line's text gives, as NDJSON lines were read before they were parsed from bytes. */
    private String reference(String body) {
        List<String> out = new ArrayList<>();
        int index = 0;
        int lineNumber = 0;
        for (String line : body.split("\n", -1)) {
            lineNumber++;
            String raw = line.strip();
            if (raw.isEmpty()) {
                continue;
            }
            String fields = null;
            String problem = null;
            try {
                JsonNode node = json.readTree(raw);
                if (node instanceof ObjectNode object) {
                    fields = object.toString();
                } else {
                    problem = "line " + lineNumber + " is not a JSON object";
                }
            } catch (JsonProcessingException e) {
                problem = "line " + lineNumber + " is not valid JSON: " + e.getOriginalMessage();
            } catch (NumberFormatException e) {
                problem = "line " + lineNumber + " holds a number that cannot be read: " + e.getMessage();
            }
            out.add(index++ + " " + fields + " " + problem + " " + raw + " " + (fields == null ? null : raw));
        }
        return String.join("\n", out);
    }
}

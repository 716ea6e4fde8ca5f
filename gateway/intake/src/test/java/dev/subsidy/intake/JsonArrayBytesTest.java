package dev.subsidy.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JSON array in UTF-8 is read from its bytes (JsonArrayReader): every broken body is refused at the same line and
 * column, counted in characters, with the same message otherwise, and every record that cannot be read on its own is
 * kept with the same problem, as when the array is read from its text (the path of any other charset).
 */
class JsonArrayBytesTest {

    /** As FeedIntake has it: exact decimals, a field named twice refused. */
    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   \n ",
        "{\"kind\": \"shipment\"}",
        "[{\"a\": 1},",
        "[{\"a\": 1}",
        "[{\"a\": 1}] trailing",
        "[{\"a\": 1}] [{\"b\": 2}]",
        "[{\"名\": \"从江\", \"a\": }]",
        "[\n  {\"名\": \"从江\"},\n  {\"a\": \"𠀀\" \"b\": 1}\n]",
        "[{\"a\": 1, \"a\": 2}, {\"b\": 2}]",
        "[1, \"text\", null, [ ], {\"b\": 2}]",
        "[{\"n\": 1.5e40339999999}, {\"b\": 2}]",
        "[{\"a\": \"never closed}]",
        "[{\"a\": 1} {\"b\": 2}]",
        "[{\"a\": \"𠀀\"}, {\"b\": \"从江\"}]",
        "[]"
    })
    void aBrokenBodyOrRecordIsRefusedAlikeFromTheBytesAndFromTheText(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        String fromBytes = outcome(() -> RecordReader.open(FeedFormat.JSON, bytes,
                TextDecoder.check(bytes, StandardCharsets.UTF_8), json));
        String fromText = outcome(() -> RecordReader.open(FeedFormat.JSON, body, json));

        assertThat(fromBytes).isEqualTo(fromText);
    }

    /** Every record read (index, problem, payload), or the refusal of the body with its message. */
    private static String outcome(java.util.function.Supplier<RecordReader> open) {
        List<String> out = new ArrayList<>();
        try {
            RecordReader reader = open.get();
            for (List<BodyRecord> chunk = reader.next(2); !chunk.isEmpty(); chunk = reader.next(2)) {
                chunk.forEach(r -> out.add(r.index() + " " + r.problem() + " " + r.payload()));
            }
        } catch (UnreadableBodyException e) {
            // Jackson words a syntax error a little differently reading bytes and reading chars: the place is what counts
            out.add("refused: " + e.getMessage().replaceFirst("^(body is not valid JSON at line \\d+, column \\d+): .*", "$1"));
        }
        return String.join("\n", out);
    }
}

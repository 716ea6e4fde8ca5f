package dev.subsidy.mapping.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.JsltException;
import com.schibsted.spt.data.jslt.Parser;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class MappingFunctionsTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The value of a JSLT expression over {@code input}, with the extension functions registered. */
    private static JsonNode eval(String jslt, String input) throws Exception {
        Expression e = new Parser(new StringReader(jslt)).withFunctions(MappingFunctions.all()).compile();
        return e.apply(JSON.readTree(input));
    }

    private static String text(String jslt) throws Exception {
        JsonNode value = eval(jslt, "{}");
        return value.isNull() ? null : value.asText();
    }

    @Test
    void fenToYuanIsExact() throws Exception {
        assertThat(text("fen-to-yuan(12345)")).isEqualTo("123.45");
        assertThat(text("fen-to-yuan(5)")).isEqualTo("0.05");
        assertThat(text("fen-to-yuan(0)")).isEqualTo("0.00");
        assertThat(text("fen-to-yuan(\"19990\")")).isEqualTo("199.90");
        assertThat(text("fen-to-yuan(900719925474099312)")).isEqualTo("9007199254740993.12");
        // JSLT's sum of integers, as Douyin mappings use it
        assertThat(text("fen-to-yuan(sum([1999, 1]))")).isEqualTo("20.00");
        assertThat(text("fen-to-yuan(null)")).isNull();
        assertThatThrownBy(() -> text("fen-to-yuan(\"12.5\")")).isInstanceOf(JsltException.class)
                .hasMessageContaining("fen-to-yuan: '12.5' is not a whole number of fen");
    }

    @Test
    void yuanKeepsTheDecimalsThePartnerWrote() throws Exception {
        assertThat(eval("yuan(.a)", "{\"a\": 59.9}").asText()).isEqualTo("59.90");
        assertThat(eval("yuan(.a)", "{\"a\": 200.07}").asText()).isEqualTo("200.07");
        assertThat(eval("yuan(.a)", "{\"a\": 128}").asText()).isEqualTo("128.00");
        assertThat(text("yuan(\"¥1,234.5\")")).isEqualTo("1234.50");
        assertThat(text("yuan(\"\")")).isNull();
        // a double from a parser that does not read decimals exactly is taken by its shortest form
        assertThat(new Yuan().call(null, new JsonNode[] {new ObjectMapper().readTree("0.1")}).asText()).isEqualTo("0.10");
        assertThatThrownBy(() -> text("yuan(\"1.005\")")).hasMessageContaining("has more than two decimals");
        assertThatThrownBy(() -> text("yuan(\"abc\")")).hasMessageContaining("yuan: 'abc' is not an amount in yuan");
    }

    @Test
    void yuanSumAddsExactly() throws Exception {
        // 0.1 + 0.2 in doubles is 0.30000000000000004
        assertThat(text("yuan-sum([\"0.10\", \"0.20\"])")).isEqualTo("0.30");
        assertThat(eval("yuan-sum(.a)", "{\"a\": [0.1, 0.2, null, 1]}").asText()).isEqualTo("1.30");
        assertThat(text("yuan-sum([])")).isEqualTo("0.00");
        assertThatThrownBy(() -> text("yuan-sum(\"1\")")).hasMessageContaining("is not an array");
    }

    @Test
    void unixSecondsBecomeChinaTime() throws Exception {
        assertThat(text("unix-to-iso(1772332200)")).isEqualTo("2026-03-01T10:30:00+08:00");
        assertThat(text("unix-to-iso(\"1772332275\")")).isEqualTo("2026-03-01T10:31:15+08:00");
        assertThat(text("unix-to-iso(0)")).isEqualTo("1970-01-01T08:00:00+08:00");
        assertThat(text("unix-to-iso(null)")).isNull();
        assertThatThrownBy(() -> text("unix-to-iso(1772332200000)")).hasMessageContaining("looks like milliseconds");
        assertThatThrownBy(() -> text("unix-to-iso(\"soon\")")).hasMessageContaining("is not a whole number of seconds");
    }

    @Test
    void chinaWallClockBecomesIso() throws Exception {
        assertThat(text("china-time-to-iso(\"2026-03-01 10:30:00\")")).isEqualTo("2026-03-01T10:30:00+08:00");
        assertThat(text("china-time-to-iso(\"2026/3/1 9:05\")")).isEqualTo("2026-03-01T09:05:00+08:00");
        assertThat(text("china-time-to-iso(\"2026.03.01 09:05:07.250\")")).isEqualTo("2026-03-01T09:05:07+08:00");
        assertThat(text("china-time-to-iso(\"2026年3月1日 23:59\")")).isEqualTo("2026-03-01T23:59:00+08:00");
        assertThat(text("china-time-to-iso(\"2026-03-01\")")).isEqualTo("2026-03-01T00:00:00+08:00");
        assertThat(text("china-time-to-iso(\"2026-02-28T16:30:00Z\")")).isEqualTo("2026-03-01T00:30:00+08:00");
        assertThat(text("china-time-to-iso(\" \")")).isNull();
        assertThatThrownBy(() -> text("china-time-to-iso(\"2026-02-30 10:00:00\")"))
                .hasMessageContaining("china-time-to-iso: '2026-02-30 10:00:00' is not a date and time");
        assertThatThrownBy(() -> text("china-time-to-iso(1772332200)")).hasMessageContaining("unix-to-iso");
    }

    @Test
    void earliestAndLatestCompareInstantsNotPositions() throws Exception {
        String events = "{\"e\": [{\"at\": \"2026-03-03T11:20:31+08:00\", \"op\": \"80\"},"
                + " {\"at\": \"2026-03-01T16:45:00+08:00\", \"op\": \"50\"},"
                + " {\"at\": \"2026-03-01T09:00:00Z\", \"op\": \"36\"}, {\"op\": \"no time\"}]}";

        assertThat(eval("earliest(.e, \"at\").op", events).asText()).isEqualTo("50");
        assertThat(eval("latest(.e, \"at\").op", events).asText()).isEqualTo("80");
        // 09:00Z is 17:00+08:00: after 16:45+08:00, although it sorts before it as text
        assertThat(eval("latest([for (.e) . if (.op != \"80\")], \"at\").op", events).asText()).isEqualTo("36");
        assertThat(text("earliest([\"2026-03-02T00:00:00+08:00\", \"2026-03-01T23:00:00+08:00\"])"))
                .isEqualTo("2026-03-01T23:00:00+08:00");
        assertThat(text("earliest([])")).isNull();
        assertThatThrownBy(() -> text("earliest([\"2026-03-01 10:00:00\"])")).hasMessageContaining("china-time-to-iso first");
    }

    @Test
    void carrierNamesAndCodesBecomeStandardCodes() throws Exception {
        assertThat(text("carrier-code(\"中通快递\")")).isEqualTo("ZTO");
        assertThat(text("carrier-code(\"顺丰速运\")")).isEqualTo("SF");
        assertThat(text("carrier-code(\"圆通速递\")")).isEqualTo("YTO");
        assertThat(text("carrier-code(\"中国邮政\")")).isEqualTo("EMS");
        assertThat(text("carrier-code(\"EMS经济快递\")")).isEqualTo("EMS");
        assertThat(text("carrier-code(\"极兔速递\")")).isEqualTo("JT");
        assertThat(text("carrier-code(\"J&T Express\")")).isEqualTo("JT");
        assertThat(text("carrier-code(\"zhongtong\")")).isEqualTo("ZTO");
        assertThat(text("carrier-code(\"yd\")")).isEqualTo("YUNDA");
        assertThat(text("carrier-code(\"DBL\")")).isEqualTo("DEPPON");
        assertThat(text("carrier-code(\"京东物流\")")).isEqualTo("JD");
        assertThat(text("carrier-code(\"百世快递\")")).isEqualTo("OTHER");
        assertThat(text("carrier-code(null)")).isNull();
    }
}

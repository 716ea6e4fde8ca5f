package dev.subsidy.mapping.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.mapping.Mapping;
import dev.subsidy.mapping.MappingCompiler;
import dev.subsidy.mapping.MappingLoadException;
import dev.subsidy.mapping.MappingProblem;
import dev.subsidy.mapping.MappingResult;
import dev.subsidy.mapping.MappingSource;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping's text, as PUT /api/v1/mappings/{name} receives it, compiles or is refused with one
 * problem (line, column, JSLT's message) that the endpoint answers 400 with; nothing else may escape
 * the compiler. A mapping that compiles then maps records as the intake hands them over (a JSON push,
 * a CSV row, a record the connector could not read) without throwing, as {@link Mapping#apply}
 * promises: each becomes standard records or a rejection with a reason.
 */
class MappingUploadFuzzTest {

    private static final String ORIGIN = "mappings/fuzzed.jslt";

    private static final List<SourceRecord> RECORDS = records();

    private static final Map<String, String> PARAMS = Map.of("carrier", "韵达", "shop", "TAOBAO:shop1");


    // fuzzed in mvn verify for fuzz.seconds (root pom); without a limit of its own when fuzzed by hand
    @FuzzTest(maxDuration = "")
    void aMappingCompilesOrIsRefusedWithItsLineAndMapsWithoutThrowing(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        Mapping mapping;
        try {
            mapping = MappingCompiler.compile(new MappingSource("fuzzed", ORIGIN, text));
        } catch (MappingLoadException e) {
            if (e.problems().size() != 1) {
                throw new AssertionError("a refused mapping needs exactly its one problem, got " + e.problems(), e);
            }
            MappingProblem p = e.problems().get(0);
            if (!ORIGIN.equals(p.origin()) || p.line() < 0 || p.column() < 0 || p.message().isBlank()) {
                throw new AssertionError("a problem an administrator cannot act on: " + p, e);
            }
            return;
        }
        for (SourceRecord record : RECORDS) {
            MappingResult result = mapping.apply(record, PARAMS);
            if (result instanceof MappingResult.Rejected r && (r.reason() == null || r.reason().isBlank())) {
                throw new AssertionError("a record rejected without a reason: " + record.position());
            }
        }
    }

    private static List<SourceRecord> records() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("运单号", "4312345678901");
        row.put("揽收时间", "2026-03-03 17:20:00");
        row.put("目的地", "522633001");
        row.put("重量(kg)", "1.2");
        row.put("备注", "");
        return List.of(
                SourceRecord.json("push, waybill 731234567890501", """
                        {"data": [{"billCode": "731234567890501", "action": "GOT", "actionTime": "2026-03-01 16:45:00",
                          "city": "黔东南苗族侗族自治州", "facilityCode": "CJ-01", "weight": 1.25, "fee": 1E+3,
                          "tags": ["a", null, 7, {"deep": [[[]]]}], "flag": true}]}"""),
                SourceRecord.fields("row 2", row),
                SourceRecord.unreadable("row 3", "row has 7 cells, the header has 5", "a,b,c,d,e,f,g"));
    }
}

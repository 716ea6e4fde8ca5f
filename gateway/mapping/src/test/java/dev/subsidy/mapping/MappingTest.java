package dev.subsidy.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.api.SourceRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MappingTest {

    private static Mapping mapping(String jslt) throws MappingLoadException {
        return MappingCompiler.compile(new MappingSource("test", "test.jslt", jslt));
    }

    private static MappingResult.Rejected rejected(MappingResult result) {
        assertThat(result).isInstanceOf(MappingResult.Rejected.class);
        return (MappingResult.Rejected) result;
    }

    private static MappingResult.Mapped mapped(MappingResult result) {
        assertThat(result).isInstanceOf(MappingResult.Mapped.class);
        return (MappingResult.Mapped) result;
    }

    @Test
    void errorCallRejectsWithTheMappingsOwnMessageAndThePosition() throws Exception {
        Mapping m = mapping("if (not(.billCode)) error(\"no billCode in event \" + .id) else {\"kind\": \"shipment\"}");

        MappingResult.Rejected r = rejected(m.apply(SourceRecord.json("page 3, item 17", "{\"id\": \"e-9\"}")));

        assertThat(r.position()).isEqualTo("page 3, item 17");
        assertThat(r.mapping()).isEqualTo("test");
        assertThat(r.reason()).isEqualTo("no billCode in event e-9");
        assertThat(r.describe()).isEqualTo("page 3, item 17: no billCode in event e-9 (mapping test)");
    }

    @Test
    void aRealMappingsErrorCarriesThePositionAndItsMessage() throws Exception {
        Mapping zto = MappingCatalog.load(java.nio.file.Path.of(System.getProperty("mappings.dir", "../../mappings")))
                .get("zto-trace-push");

        MappingResult.Rejected r = rejected(zto.apply(SourceRecord.json("push 12",
                "{\"billCode\": \"731234567890126\", \"action\": \"DEPARTURE\", \"actionTime\": \"2026-03-05 06:12:00\"}")));

        assertThat(r.position()).isEqualTo("push 12");
        assertThat(r.reason()).isEqualTo("ZTO waybill 731234567890126: no collection scan (GOT) among its 1 events in this push");
    }

    @Test
    void aFunctionThatRefusesItsArgumentRejectsTheRecord() throws Exception {
        Mapping m = mapping("{\"amount\": fen-to-yuan(.pay_amount)}");

        MappingResult.Rejected r = rejected(m.apply(SourceRecord.json("data[4]", "{\"pay_amount\": 12.5}")));

        assertThat(r.position()).isEqualTo("data[4]");
        assertThat(r.reason()).isEqualTo("fen-to-yuan: 12.5 is not a whole number of fen");
    }

    @Test
    void aJavaFailureInsideJsltRejectsTheRecord() throws Exception {
        MappingResult.Rejected r = rejected(mapping("{\"x\": .a / .b}").apply(SourceRecord.json("row 2", "{\"a\": 1, \"b\": 0}")));

        assertThat(r.reason()).startsWith("mapping failed: ").contains("zero");
    }

    @Test
    void outputThatIsNotObjectsIsRejected() throws Exception {
        SourceRecord record = SourceRecord.json("row 5", "{}");

        assertThat(rejected(mapping("42").apply(record)).reason())
                .isEqualTo("the mapping gave a number, not an object or an array of objects");
        assertThat(rejected(mapping("[{\"kind\": \"order\"}, \"x\"]").apply(record)).reason())
                .isEqualTo("item 1 of the mapping's output is a string, not an object");
        assertThat(rejected(mapping(".missing").apply(record)).reason())
                .isEqualTo("the mapping gave null: it must give an object or an array of objects");
    }

    @Test
    void anObjectIsOneRecordAnArrayManyAndAnEmptyArrayNone() throws Exception {
        SourceRecord record = SourceRecord.json("row 1", "{\"a\": [1, 2]}");

        assertThat(mapped(mapping("{\"n\": 1}").apply(record)).records()).hasSize(1);
        assertThat(mapped(mapping("[for (.a) {\"n\": .}]").apply(record)).records()).hasSize(2);
        MappingResult.Mapped none = mapped(mapping("[]").apply(record));
        assertThat(none.records()).isEmpty();
        assertThat(none.skipped()).isTrue();
    }

    @Test
    void unreadableAndMalformedRecordsAreRejectedWithTheirReason() throws Exception {
        Mapping m = mapping("{\"n\": 1}");

        assertThat(rejected(m.apply(SourceRecord.unreadable("row 9", "row has 3 cells, the header has 5", "a,b,c"))).reason())
                .isEqualTo("row has 3 cells, the header has 5");
        assertThat(rejected(m.apply(SourceRecord.json("item 2", "{\"a\": "))).reason()).startsWith("not JSON: ");
        assertThat(rejected(m.apply(SourceRecord.json("item 3", "{\"a\": 1, \"a\": 2}"))).reason()).startsWith("not JSON: ");
    }

    @Test
    void fieldsRecordsAreMappedLikeTheirJson() throws Exception {
        Mapping m = MappingCatalog.load(java.nio.file.Path.of(System.getProperty("mappings.dir", "../../mappings")))
                .get("standard-csv");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("运单号", "731234567890123");
        row.put("快递公司", "中通快递");
        row.put("揽收时间", "2026-03-01 09:15:00");
        row.put("揽收网点", "CJ-ZTO-01");
        row.put("目的地", "440106");
        row.put("签收时间", "");

        MappingResult.Mapped fromFields = mapped(m.apply(SourceRecord.fields("row 2", row)));
        MappingResult.Mapped fromJson = mapped(m.apply(SourceRecord.json("row 2",
                "{\"运单号\": \"731234567890123\", \"快递公司\": \"中通快递\", \"揽收时间\": \"2026-03-01 09:15:00\","
                        + " \"揽收网点\": \"CJ-ZTO-01\", \"目的地\": \"440106\", \"签收时间\": \"\"}")));

        assertThat(fromFields.records()).isEqualTo(fromJson.records());
        assertThat(fromFields.records().get(0).get("collectedAt").asText()).isEqualTo("2026-03-01T09:15:00+08:00");
    }

    @Test
    void decimalsReachTheMappingExactly() throws Exception {
        Mapping m = mapping("{\"raw\": string(.pay_amount), \"yuan\": yuan(.pay_amount), \"big\": string(.tid)}");

        MappingResult.Mapped r = mapped(m.apply(SourceRecord.json("x", "{\"pay_amount\": 200.10, \"tid\": 3719284756102938123}")));

        assertThat(r.records().get(0).get("raw").asText()).isEqualTo("200.10");
        assertThat(r.records().get(0).get("yuan").asText()).isEqualTo("200.10");
        assertThat(r.records().get(0).get("big").asText()).isEqualTo("3719284756102938123");
    }

    @Test
    void parametersAreTheParamsObject() throws Exception {
        Mapping m = mapping("{\"channel\": fallback($params.channel, \"C2C\")}");
        SourceRecord record = SourceRecord.json("x", "{}");

        assertThat(mapped(m.apply(record)).records().get(0).get("channel").asText()).isEqualTo("C2C");
        assertThat(mapped(m.apply(record, Map.of("channel", "B2C"))).records().get(0).get("channel").asText()).isEqualTo("B2C");
    }

    @Test
    void oneMappingServesManyThreadsAtOnce() throws Exception {
        Mapping m = mapping("{\"kind\": \"order\", \"amount\": fen-to-yuan(.fen), \"at\": unix-to-iso(.t)}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int fen = i;
                results.add(pool.submit(() -> mapped(m.apply(SourceRecord.json("row " + fen,
                        "{\"fen\": " + fen + ", \"t\": 1772332200}"))).records().get(0).get("amount").asText()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(new java.math.BigDecimal(i).movePointLeft(2).setScale(2).toPlainString());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

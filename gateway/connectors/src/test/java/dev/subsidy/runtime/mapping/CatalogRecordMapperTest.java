package dev.subsidy.runtime.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.mapping.MappingLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's mapper over the JSLT library: positions, the mapping's own errors, parameters, the identity. */
class CatalogRecordMapperTest {

    @TempDir
    Path folder;

    private CatalogRecordMapper mapper;

    @BeforeEach
    void load() throws IOException {
        Files.writeString(folder.resolve("split.jslt"), "[for (.parcels) {\"kind\": \"shipment\", \"waybillNo\": .}]");
        Files.writeString(folder.resolve("broken.jslt"), "{\n  \"a\": .x +\n}\n");
        mapper = new CatalogRecordMapper(MappingLibrary.load(getClass().getClassLoader(), folder, folder.resolve("added")));
    }

    private static SourceRecord row(int row, String... cells) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i += 2) {
            fields.put(cells[i], cells[i + 1]);
        }
        return SourceRecord.fields("row " + row, fields);
    }

    @Test
    void aRowBecomesAStandardRecordWithItsPositionAndTheDefinitionsParameters() {
        List<MappedRecord> out = mapper.map("standard-csv", Map.of("carrier", "韵达"), List.of(
                row(2, "运单号", "4312345678901", "揽收时间", "2026-03-03 17:20:00", "揽收网点", "CJ-YD-09", "目的地", "522633001")));

        assertThat(out).singleElement().isInstanceOfSatisfying(MappedRecord.Standard.class, s -> {
            assertThat(s.position()).isEqualTo("row 2");
            assertThat(s.record().get("carrier").asText()).isEqualTo("YUNDA");
            assertThat(s.record().get("collectedAt").asText()).isEqualTo("2026-03-03T17:20:00+08:00");
            assertThat(s.raw()).contains("\"运单号\":\"4312345678901\"");
        });
    }

    @Test
    void aRowTheMappingRefusesIsRejectedWithTheMappingsOwnWordsAndTheOthersStillMap() {
        List<MappedRecord> out = mapper.map("standard-csv", Map.of(), List.of(
                row(2, "运单号", " ", "快递公司", "ZTO", "揽收时间", "2026-03-01 09:15:00", "揽收网点", "A", "目的地", ""),
                SourceRecord.unreadable("row 3", "row has 2 cells, the header has 5", "a,b"),
                row(4, "运单号", "7312", "快递公司", "ZTO", "揽收时间", "2026-03-01 09:15:00", "揽收网点", "A", "目的地", "440106")));

        assertThat(out).hasSize(3);
        assertThat(out.get(0)).isEqualTo(new MappedRecord.Rejected("row 2",
                "empty: 运单号, 目的地 (mapping standard-csv)", ((MappedRecord.Rejected) out.get(0)).raw()));
        // the connector's own reason, not shown to the mapping and not blamed on it
        assertThat(out.get(1)).isEqualTo(new MappedRecord.Rejected("row 3", "row has 2 cells, the header has 5", "a,b"));
        assertThat(out.get(2)).isInstanceOf(MappedRecord.Standard.class);
    }

    @Test
    void oneSourceRecordMayBecomeSeveralStandardRecordsOrNone() {
        List<MappedRecord> out = mapper.map("split", Map.of(), List.of(
                SourceRecord.json("item 1", "{\"parcels\": [\"A1\", \"A2\"]}"),
                SourceRecord.json("item 2", "{\"parcels\": []}")));

        assertThat(out).extracting(MappedRecord::position).containsExactly("item 1", "item 1");
    }

    @Test
    void problemsNameTheKnownMappingsOrTheLineThatDoesNotCompile() {
        assertThat(mapper.problems(null)).isEmpty();
        assertThat(mapper.problems("standard")).isEmpty();
        assertThat(mapper.problems("standard-csv")).isEmpty();
        assertThat(mapper.problems("broken")).singleElement().asString()
                .startsWith("mapping 'broken' does not compile: " + folder.resolve("broken.jslt") + ":3:1: Parse error");
        assertThat(mapper.problems("zto-trace")).singleElement().asString()
                .startsWith("unknown mapping 'zto-trace'; known mappings: broken, ")
                .contains(", split, standard, standard-csv, ");
        assertThat(mapper.names()).contains("standard", "split", "standard-csv");
    }

    @Test
    void aRecordWhoseMappingRunsOverItsTimeBudgetIsRejectedWithThatReasonAndTheBatchGoesOn() throws IOException {
        Files.writeString(folder.resolve("loops.jslt"),
                "let xs = .xs\n{\"kind\": \"shipment\", \"waybillNo\": .no, \"n\": size([for ($xs) [for ($xs) [for ($xs) 1]]])}");
        CatalogRecordMapper budgeted = new CatalogRecordMapper(MappingLibrary.load(getClass().getClassLoader(), folder,
                folder.resolve("added"), MappingLimits.DEFAULTS.withRecordTimeBudget(Duration.ofMillis(200))));
        String many = "[" + "1,".repeat(1_999) + "1]";

        List<MappedRecord> out = budgeted.map("loops", Map.of(), List.of(
                SourceRecord.json("item 1", "{\"no\": \"A1\", \"xs\": [1]}"),
                SourceRecord.json("item 2", "{\"no\": \"A2\", \"xs\": " + many + "}"),
                SourceRecord.json("item 3", "{\"no\": \"A3\", \"xs\": [1, 2]}")));

        assertThat(out).hasSize(3);
        assertThat(out.get(0)).isInstanceOf(MappedRecord.Standard.class);
        assertThat(out.get(1)).isInstanceOfSatisfying(MappedRecord.Rejected.class, r -> {
            assertThat(r.position()).isEqualTo("item 2");
            assertThat(r.reason()).isEqualTo("mapping 'loops' ran over its time budget of 200 ms");
        });
        assertThat(out.get(2)).isInstanceOf(MappedRecord.Standard.class);
    }

    @Test
    void withoutAMappingRecordsPassAsTheyAre() {
        assertThat(mapper.map(null, Map.of("ignored", "x"), List.of(SourceRecord.json("item 1", "{\"kind\": \"shipment\"}"))))
                .singleElement().isInstanceOf(MappedRecord.Standard.class);
    }
}

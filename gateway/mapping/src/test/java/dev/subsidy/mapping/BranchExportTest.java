package dev.subsidy.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.api.ConnectorConfig;
import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.FileConnector;
import dev.subsidy.connector.api.HttpTransport;
import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SourceRecord;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A branch's export, read by the {@code file} connector and mapped by {@code standard-csv}. */
class BranchExportTest {

    @TempDir
    Path inbox;

    private static List<MappingResult> readAndMap(Path file, Map<String, String> settings) throws Exception {
        ConnectorProvider provider = ServiceLoader.load(ConnectorProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("file")).findFirst().orElseThrow();
        ConnectorConfig config = provider.configDef().parse(settings);
        FileConnector connector = (FileConnector) provider.create();
        connector.start(new ConnectorContext() {
            @Override
            public String connectorId() {
                return "cj-zto-branch";
            }

            @Override
            public ConnectorConfig config() {
                return config;
            }

            @Override
            public HttpTransport http() {
                throw new UnsupportedOperationException();
            }

            @Override
            public RequestSigner signer(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }
        });
        List<SourceRecord> records;
        try (InputStream in = Files.newInputStream(file)) {
            records = connector.read(file.getFileName().toString(), in).records();
        }
        Mapping mapping = MappingCatalog.load(Path.of(System.getProperty("mappings.dir", "../../mappings"))).get("standard-csv");
        return records.stream().map(r -> mapping.apply(r, Map.of("carrier", "ZTO"))).toList();
    }

    @Test
    void aGbkCsvExportBecomesShipmentsAndRejectionsWithRowNumbers() throws Exception {
        Path file = inbox.resolve("中通从江2026-03.csv");
        Files.write(file, ("运单号,揽收时间,揽收网点,目的地,重量(kg)\n"
                + "731234567890123,2026-03-01 09:15:00,CJ-ZTO-01,440106,1.25\n"
                + "731234567890124,2026-03-01 10:02:41,CJ-ZTO-01\n"
                + "731234567890125,2026-03-01 10:30:00,CJ-ZTO-01,广州市,0.5\n").getBytes(Charset.forName("GBK")));

        List<MappingResult> results = readAndMap(file, Map.of());

        assertThat(results).hasSize(3);
        MappingResult.Mapped first = (MappingResult.Mapped) results.get(0);
        assertThat(first.position()).isEqualTo("row 2");
        assertThat(first.records().get(0).toString()).isEqualTo("{\"kind\":\"shipment\",\"carrier\":\"ZTO\","
                + "\"waybillNo\":\"731234567890123\",\"collectedAt\":\"2026-03-01T09:15:00+08:00\","
                + "\"originSite\":\"CJ-ZTO-01\",\"destRegion\":\"440106\",\"weightGrams\":1250}");
        assertThat(((MappingResult.Rejected) results.get(1)).describe())
                .isEqualTo("row 3: row has 3 cells, the header has 5 (mapping standard-csv)");
        assertThat(((MappingResult.Rejected) results.get(2)).describe()).isEqualTo("row 4: 目的地 '广州市' is neither a "
                + "division code (6, 9 or 12 digits) nor a two-letter country code (mapping standard-csv)");
    }

    @Test
    void anXlsxExportWithNumericWaybillsAndDateCellsMapsExactly() throws Exception {
        Path file = inbox.resolve("export.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d h:mm"));
            Sheet s = wb.createSheet("揽收明细");
            String[] header = {"运单号", "快递公司", "揽收时间", "揽收网点", "目的地"};
            Row h = s.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Row r = s.createRow(1);
            r.createCell(0).setCellValue(731234567890123d);
            r.createCell(1).setCellValue("中通快递");
            r.createCell(2).setCellValue(LocalDateTime.of(2026, 3, 1, 9, 15));
            r.getCell(2).setCellStyle(dateTime);
            r.createCell(3).setCellValue("CJ-ZTO-01");
            r.createCell(4).setCellValue(440106d);
            wb.write(out);
        }

        MappingResult.Mapped mapped = (MappingResult.Mapped) readAndMap(file, Map.of("sheet", "揽收明细")).get(0);

        assertThat(mapped.position()).isEqualTo("sheet 揽收明细, row 2");
        assertThat(mapped.records().get(0).get("waybillNo").asText()).isEqualTo("731234567890123");
        assertThat(mapped.records().get(0).get("collectedAt").asText()).isEqualTo("2026-03-01T09:15:00+08:00");
        assertThat(mapped.records().get(0).get("destRegion").asText()).isEqualTo("440106");
    }
}

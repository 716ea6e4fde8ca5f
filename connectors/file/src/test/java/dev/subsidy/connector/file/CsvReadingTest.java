package dev.subsidy.connector.file;

import static dev.subsidy.connector.file.ConnectorReads.fields;
import static dev.subsidy.connector.file.ConnectorReads.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.SourceRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadingTest {

    private static final String EXPORT = """
            运单号,快递公司,揽收时间,揽收网点,目的地
            731234567890123,中通快递,2026-03-01 09:15:00,CJ-ZTO-01,440106
            731234567890124,中通快递,2026-03-01 10:02:41,CJ-ZTO-02,310115
            """;

    @TempDir
    Path inbox;

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = inbox.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void gbkExportKeepsItsChineseHeadersAsFieldNames() throws Exception {
        Path file = write("从江网点2026-03.csv", EXPORT.getBytes(Charset.forName("GBK")));

        List<SourceRecord> records = read(file);

        assertThat(records).hasSize(2);
        assertThat(records.get(0).position()).isEqualTo("row 2");
        assertThat(fields(records.get(0))).containsExactly(
                Map.entry("运单号", "731234567890123"), Map.entry("快递公司", "中通快递"),
                Map.entry("揽收时间", "2026-03-01 09:15:00"), Map.entry("揽收网点", "CJ-ZTO-01"), Map.entry("目的地", "440106"));
        assertThat(records.get(1).position()).isEqualTo("row 3");
    }

    @Test
    void utf8WithAndWithoutBomReadTheSame() throws Exception {
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(EXPORT.getBytes(StandardCharsets.UTF_8));

        List<SourceRecord> withBom = read(write("bom.csv", bom.toByteArray()));
        List<SourceRecord> without = read(write("plain.csv", EXPORT.getBytes(StandardCharsets.UTF_8)));

        assertThat(fields(withBom.get(0))).containsKey("运单号");
        assertThat(withBom).isEqualTo(without);
    }

    @Test
    void theEncodingCanBeNamedAndThenMustFit() throws Exception {
        Path gbk = write("gbk.csv", EXPORT.getBytes(Charset.forName("GBK")));

        assertThat(fields(read(gbk, Map.of("encoding", "GBK")).get(0))).containsEntry("快递公司", "中通快递");
        assertThatThrownBy(() -> read(gbk, Map.of("encoding", "UTF-8")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ConnectorException.Reason.BAD_PAYLOAD);
                    assertThat(e.getMessage()).contains("not UTF-8 text");
                });
        assertThatThrownBy(() -> read(write("binary.csv", new byte[] {'a', ',', (byte) 0xFF, (byte) 0xFF, '\n'})))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("neither UTF-8 nor GBK");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsUnreadableAndTheOthersAreKept() throws Exception {
        String text = """
                运单号,快递公司,揽收时间,揽收网点,目的地
                731234567890123,中通快递,2026-03-01 09:15:00,CJ-ZTO-01,440106
                731234567890124,中通快递,2026-03-01 10:02:41,440106
                731234567890125,中通快递,2026-03-01 10:30:00,CJ-ZTO-01,440106,,
                731234567890126,中通快递,2026-03-01 11:00:00,CJ-ZTO-01,440106,多余
                """;

        List<SourceRecord> records = read(write("broken.csv", text.getBytes(StandardCharsets.UTF_8)));

        assertThat(records).hasSize(4);
        assertThat(records.get(1)).isInstanceOfSatisfying(SourceRecord.Unreadable.class, u -> {
            assertThat(u.position()).isEqualTo("row 3");
            assertThat(u.reason()).isEqualTo("row has 4 cells, the header has 5");
            assertThat(u.raw()).isEqualTo("731234567890124,中通快递,2026-03-01 10:02:41,440106");
        });
        // empty cells after the last column are what spreadsheets leave behind
        assertThat(fields(records.get(2))).containsEntry("目的地", "440106");
        assertThat(records.get(3)).isInstanceOfSatisfying(SourceRecord.Unreadable.class,
                u -> assertThat(u.reason()).isEqualTo("row has 6 cells, the header has 5"));
    }

    @Test
    void quotedCellsBlankRowsAndATitleRowKeepRowNumbersAsASpreadsheetShowsThem() throws Exception {
        String text = "中通快递从江网点 2026年3月揽收明细\n"
                + "运单号 , 备注,目的地,备注\n"
                + "731234567890123,\"易碎, 轻放\",440106,\n"
                + "\n"
                + "731234567890124,\"两行\n备注\",310115,二\n";

        List<SourceRecord> records = read(write("titled.csv", text.getBytes(StandardCharsets.UTF_8)), Map.of("header_row", "2"));

        assertThat(records).extracting(SourceRecord::position).containsExactly("row 3", "row 5");
        assertThat(fields(records.get(0))).containsExactly(Map.entry("运单号", "731234567890123"),
                Map.entry("备注", "易碎, 轻放"), Map.entry("目的地", "440106"), Map.entry("备注 (2)", ""));
        assertThat(fields(records.get(1))).containsEntry("备注", "两行\n备注").containsEntry("备注 (2)", "二");
    }

    @Test
    void anUnclosedQuoteEndsTheFileWithOneUnreadableItem() throws Exception {
        String text = "运单号,目的地\n731234567890123,440106\n731234567890124,\"440106\n";

        List<SourceRecord> records = read(write("unclosed.csv", text.getBytes(StandardCharsets.UTF_8)));

        assertThat(fields(records.get(0))).containsEntry("目的地", "440106");
        assertThat(records.get(records.size() - 1)).isInstanceOfSatisfying(SourceRecord.Unreadable.class,
                u -> assertThat(u.reason()).startsWith("CSV cannot be read from this row on"));
    }

    @Test
    void aFileWithoutHeaderIsRefusedWhole() throws Exception {
        assertThatThrownBy(() -> read(write("empty.csv", "\n\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("no header row");
    }
}

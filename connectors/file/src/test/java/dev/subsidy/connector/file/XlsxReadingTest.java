package dev.subsidy.connector.file;

import static dev.subsidy.connector.file.ConnectorReads.fields;
import static dev.subsidy.connector.file.ConnectorReads.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.SourceRecord;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReadingTest {

    @TempDir
    Path inbox;

    /**
     * A branch's export as Excel writes it: a notes sheet first, then 运单 with numbers stored as
     * numbers, dates as dates, a formula, and rows of uneven length.
     */
    private Path workbook(String name) throws Exception {
        Path file = inbox.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet notes = wb.createSheet("说明");
            notes.createRow(0).createCell(0).setCellValue("备注");
            notes.createRow(1).createCell(0).setCellValue("2026年3月 从江网点揽收明细");

            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            CellStyle dateOnly = wb.createCellStyle();
            dateOnly.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle twoDecimals = wb.createCellStyle();
            twoDecimals.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));

            Sheet s = wb.createSheet("运单");
            header(s.createRow(0), "运单号", "揽收时间", "结算日", "运费", "代收货款", "重量(kg)", "件数x2", "已签收");

            Row r = s.createRow(1);
            r.createCell(0).setCellValue(731234567890123d);
            r.createCell(1).setCellValue(LocalDateTime.of(2026, 3, 1, 9, 15, 0));
            r.getCell(1).setCellStyle(dateTime);
            r.createCell(2).setCellValue(LocalDate.of(2026, 3, 31));
            r.getCell(2).setCellStyle(dateOnly);
            r.createCell(3).setCellValue(12.3);
            r.getCell(3).setCellStyle(twoDecimals);
            r.createCell(4).setCellValue(200.07);
            r.createCell(5).setCellValue(0.1 + 0.2);
            r.createCell(6).setCellFormula("F2*10*2");
            r.createCell(7).setCellValue(true);

            // a short row (Excel stores no trailing empty cells), its number in the General format
            Row shortRow = s.createRow(2);
            shortRow.createCell(0).setCellValue("SF1234567890123");
            shortRow.createCell(3).setCellValue(8);

            s.createRow(3); // blank row, skipped

            Row wide = s.createRow(4);
            wide.createCell(0).setCellValue("731234567890125");
            wide.createCell(9).setCellValue("多出的一格");

            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        return file;
    }

    private static void header(Row row, String... names) {
        for (int i = 0; i < names.length; i++) {
            row.createCell(i).setCellValue(names[i]);
        }
    }

    @Test
    void aNamedSheetIsReadWithNumbersAndDatesAsTheSpreadsheetShowsThem() throws Exception {
        List<SourceRecord> records = read(workbook("从江网点2026-03.xlsx"), Map.of("sheet", "运单"));

        assertThat(records).hasSize(3);
        assertThat(records.get(0).position()).isEqualTo("sheet 运单, row 2");
        assertThat(fields(records.get(0))).containsExactly(
                Map.entry("运单号", "731234567890123"),      // not 7.31234567890123E14
                Map.entry("揽收时间", "2026-03-01 09:15:00"),
                Map.entry("结算日", "2026-03-31"),
                Map.entry("运费", "12.30"),                  // the format's two decimals, no thousands separator
                Map.entry("代收货款", "200.07"),             // not 200.06999999999999
                Map.entry("重量(kg)", "0.3"),                // Excel's 15 digits, not 0.30000000000000004
                Map.entry("件数x2", "6"),                    // a formula's cached result
                Map.entry("已签收", "true"));
    }

    @Test
    void shortRowsAreBlankFilledAndOverlongRowsUnreadable() throws Exception {
        List<SourceRecord> records = read(workbook("export.xlsx"), Map.of("sheet", "运单"));

        assertThat(records.get(1).position()).isEqualTo("sheet 运单, row 3");
        assertThat(fields(records.get(1))).containsEntry("运单号", "SF1234567890123").containsEntry("运费", "8")
                .containsEntry("揽收时间", "").containsEntry("已签收", "");
        assertThat(records.get(2)).isInstanceOfSatisfying(SourceRecord.Unreadable.class, u -> {
            assertThat(u.position()).isEqualTo("sheet 运单, row 5");
            assertThat(u.reason()).isEqualTo("row has 10 cells, the header has 8");
        });
    }

    @Test
    void theFirstSheetIsReadWhenNoneIsNamed() throws Exception {
        List<SourceRecord> records = read(workbook("export.xlsx"));

        assertThat(records).hasSize(1);
        assertThat(records.get(0).position()).isEqualTo("sheet 说明, row 2");
        assertThat(fields(records.get(0))).containsExactly(Map.entry("备注", "2026年3月 从江网点揽收明细"));
    }

    @Test
    void aMissingSheetIsNamedWithTheSheetsThereAre() throws Exception {
        Path file = workbook("export.xlsx");

        assertThatThrownBy(() -> read(file, Map.of("sheet", "Sheet1")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ConnectorException.Reason.BAD_PAYLOAD);
                    assertThat(e.getMessage()).isEqualTo("the workbook has no sheet named 'Sheet1' (its sheets: [说明, 运单])");
                });
    }

    @Test
    void aWorkbookUnderACsvNameIsReadAsAWorkbook() throws Exception {
        Path xlsx = workbook("export.xlsx");
        Path misnamed = Files.copy(xlsx, inbox.resolve("export.csv"));

        assertThat(read(misnamed, Map.of("sheet", "运单"))).isEqualTo(read(xlsx, Map.of("sheet", "运单")));
    }

    @Test
    void legacyAndBrokenWorkbooksAreRefusedWhole() throws Exception {
        Path xls = inbox.resolve("old.xls");
        Files.write(xls, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        Path broken = inbox.resolve("broken.xlsx");
        Files.write(broken, new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6});

        assertThatThrownBy(() -> read(xls)).isInstanceOf(ConnectorException.class).hasMessageContaining(".xls");
        assertThatThrownBy(() -> read(broken)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("not a readable XLSX workbook");
    }
}

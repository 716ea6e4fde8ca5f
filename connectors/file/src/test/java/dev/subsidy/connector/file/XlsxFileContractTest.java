package dev.subsidy.connector.file;

import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.testkit.FileConnectorContractTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The file contract for XLSX exports: the first sheet, every cell a text cell as exports write waybill numbers. */
class XlsxFileContractTest extends FileConnectorContractTest {

    private static final String SHEET = "运单";

    @Override
    protected ConnectorProvider provider() {
        return new FileConnectorProvider();
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of();
    }

    @Override
    protected String fileName() {
        return "从江网点2026-03.xlsx";
    }

    @Override
    protected byte[] file(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Override
    protected String positionOfRow(int row) {
        return "sheet " + SHEET + ", row " + row;
    }

    /** Excel stores no trailing empty cells, so a short row is a row whose last cells are blank. */
    @Override
    protected boolean shortRowsAreBlankFilled() {
        return true;
    }
}

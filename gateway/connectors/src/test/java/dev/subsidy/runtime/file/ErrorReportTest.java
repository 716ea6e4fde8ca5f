package dev.subsidy.runtime.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.intake.IntakeReceipt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report beside a failed file: what Excel needs to open it, one line per refused row. */
class ErrorReportTest {

    @TempDir
    Path dir;

    @Test
    void eachRefusedRowWithItsPositionAndTheReasonWithoutIt() throws IOException {
        List<String> positions = List.of("row 2", "row 3", "sheet 运单, row 4");
        IntakeReceipt receipt = new IntakeReceipt("b", 1, 0, List.of(
                new IntakeReceipt.Rejected(1, "row 3: 目的地 '广州市' is not a code, nor a country"),
                new IntakeReceipt.Rejected(2, "sheet 运单, row 4: weightGrams: \"heavy\" is not a number")));

        Path report = dir.resolve("x.csv.errors.csv");
        ErrorReport.of(receipt, positions).writeTo(report);

        byte[] bytes = Files.readAllBytes(report);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).isEqualTo("""
                position,reason\r
                row 3,"目的地 '广州市' is not a code, nor a country"\r
                "sheet 运单, row 4","weightGrams: ""heavy"" is not a number"\r
                """);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(report);
        }
    }

    @Test
    void aReportReadsBackAsWrittenQuotesLineBreaksAndDefusedFormulasIncluded() throws IOException {
        ErrorReport written = new ErrorReport(List.of(
                new ErrorReport.Line("row 3", "目的地 '广州市' is not a code, nor a country"),
                new ErrorReport.Line("sheet 运单, row 4", "weightGrams: \"heavy\" is not a number"),
                new ErrorReport.Line("row 5", "=HYPERLINK(\"x\") is not a waybill"),
                new ErrorReport.Line("file", "two\r\nlines")));
        Path report = dir.resolve("y.csv.errors.csv");
        written.writeTo(report);

        assertThat(ErrorReport.readFrom(report)).isEqualTo(written);
    }

    @Test
    void aCellExcelWouldTakeForAFormulaIsDefused() {
        assertThat(ErrorReport.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(ErrorReport.cell("-1 is negative")).isEqualTo("'-1 is negative");
        assertThat(ErrorReport.cell("plain")).isEqualTo("plain");
        assertThat(ErrorReport.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void aFreeNameNeverOverwritesAFileAlreadyThere() throws IOException {
        assertThat(Destinations.free(dir, "运单.csv")).isEqualTo(dir.resolve("运单.csv"));
        Files.writeString(dir.resolve("运单.csv"), "");
        Files.writeString(dir.resolve("运单-2.csv"), "");
        assertThat(Destinations.free(dir, "运单.csv")).isEqualTo(dir.resolve("运单-3.csv"));
        Files.writeString(dir.resolve("README"), "");
        assertThat(Destinations.free(dir, "README")).isEqualTo(dir.resolve("README-2"));
    }
}

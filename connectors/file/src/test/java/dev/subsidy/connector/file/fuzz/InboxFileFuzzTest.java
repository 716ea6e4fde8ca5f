package dev.subsidy.connector.file.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;

/**
 * Whatever lands in an inbox (CSV in any encoding, a workbook, an .xls, a PDF renamed .csv, noise),
 * the {@code file} connector reads it into rows or refuses it with a reason. Each input is read under
 * the settings that steer the reader differently: detected or forced format, detected or declared
 * encoding, a header row further down, a named sheet.
 */
class InboxFileFuzzTest {

    /** The name the file had in the inbox and its definition's settings. */
    private record Inbox(String fileName, Map<String, String> settings) {}

    private static final List<Inbox> INBOXES = List.of(
            new Inbox("揽收明细.csv", Map.of()),
            new Inbox("export.xlsx", Map.of("format", "xlsx", "sheet", "运单", "header_row", "2")),
            new Inbox("export.txt", Map.of("encoding", "GBK", "header_row", "3")),
            new Inbox("export.xlsx", Map.of("format", "csv", "encoding", "UTF-8")));


    // fuzzed in mvn verify for fuzz.seconds (root pom); without a limit of its own when fuzzed by hand
    @FuzzTest(maxDuration = "")
    void anyFileIsReadIntoRowsOrRefusedWithAReason(byte[] content) throws Exception {
        for (Inbox inbox : INBOXES) {
            FileReads.readOrRefuse(inbox.fileName(), inbox.settings(), content);
        }
    }
}

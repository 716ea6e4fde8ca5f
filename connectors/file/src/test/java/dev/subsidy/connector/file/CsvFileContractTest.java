package dev.subsidy.connector.file;

import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.testkit.FileConnectorContractTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The file contract for CSV exports, read with the encoding detected (UTF-8 or GBK). */
class CsvFileContractTest extends FileConnectorContractTest {

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
        return "从江网点2026-03.csv";
    }

    @Override
    protected byte[] file(List<List<String>> rows) {
        return text(rows).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected Optional<byte[]> fileIn(Charset charset, List<List<String>> rows) {
        return Optional.of(text(rows).getBytes(charset));
    }

    @Override
    protected List<Charset> detectedCharsets() {
        return List.of(Charset.forName("GBK"), Charset.forName("GB18030"));
    }

    @Override
    protected String positionOfRow(int row) {
        return "row " + row;
    }

    @Override
    protected boolean shortRowsAreBlankFilled() {
        return false;
    }

    /** The rows as an export writes them: no cell of the test tables needs quoting. */
    private static String text(List<List<String>> rows) {
        return rows.stream().map(r -> String.join(",", r)).collect(Collectors.joining("\r\n", "", "\r\n"));
    }
}

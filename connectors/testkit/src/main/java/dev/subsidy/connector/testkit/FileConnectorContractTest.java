package dev.subsidy.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.subsidy.connector.api.Connector;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.FileConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.SourceRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every file connector meets, whatever its format: what
 * {@link FileConnector#read(String, java.io.InputStream)} promises. A connector's test extends this
 * class and says how a table of cells is written in its format; the tests here check, for that format:
 * <ul>
 *   <li>every data row becomes a record or an unreadable record, positioned at its row, so that rows in
 *       = records + rejections; cell text (Chinese included) is kept;</li>
 *   <li>a row with more cells than the header is unreadable with a reason; a row with fewer is
 *       unreadable or blank-filled, as the format promises;</li>
 *   <li>a header-only file gives no records; an empty file, a file cut short and bytes that are no
 *       file of the format are {@link ConnectorException.Reason#BAD_PAYLOAD} with a reason, or (cut
 *       short) the rows before the cut: never another exception;</li>
 *   <li>text formats: every charset the connector promises to detect reads the same, and text in none
 *       of them is refused naming its row;</li>
 *   <li>the same bytes read twice give the same records; the connector accepts its own file names;</li>
 *   <li>settings: the test's settings are valid; a missing required setting, a bad value and an unknown
 *       setting are each named; no problem or {@code toString} shows a secret;
 *       {@code stop()} is idempotent.</li>
 * </ul>
 */
public abstract class FileConnectorContractTest extends SettingsContractTest {

    /** The header of the test tables: Chinese, as carriers' exports have them. */
    protected static final List<String> HEADER = List.of("运单号", "快递公司", "揽收时间", "揽收网点", "目的地");

    private final List<Connector> running = new ArrayList<>();

    // ---- what a connector's test provides ----

    /** The connector type under test. */
    @Override
    protected abstract ConnectorProvider provider();

    /** A definition's settings for this format, secrets included. */
    @Override
    protected abstract Map<String, String> settings();

    /** A name the connector reads files of this format under, such as {@code 从江网点2026-03.csv}. */
    protected abstract String fileName();

    /** A file of this format holding these rows (the first is the header), each row its cells in order. */
    protected abstract byte[] file(List<List<String>> rows) throws IOException;

    /** The position the connector gives the row with this 1-based number (the header is row 1). */
    protected abstract String positionOfRow(int row);

    /** Whether a row with fewer cells than the header is read with blanks (else it is unreadable). */
    protected abstract boolean shortRowsAreBlankFilled();

    /**
     * The file of these rows with its text in this charset, for a text format; empty (the default) for a
     * format that has no charset of its own (XLSX is zipped XML in UTF-8).
     */
    protected Optional<byte[]> fileIn(Charset charset, List<List<String>> rows) throws IOException {
        return Optional.empty();
    }

    /** The charsets the connector promises to tell apart by itself (a text format): each reads the same. */
    protected List<Charset> detectedCharsets() {
        return List.of();
    }

    // ---- helpers for subclasses ----

    /** A new, started instance with these settings; stopped after the test. */
    protected final FileConnector start(Map<String, String> settings) throws ConnectorException {
        ConnectorProvider provider = provider();
        assertThat(provider.kind()).as("kind of %s", provider.name()).isEqualTo(ConnectorKind.FILE);
        Connector c = provider.create();
        assertThat(c).as("%s creates a FileConnector", provider.name()).isInstanceOf(FileConnector.class);
        running.add(c);
        c.start(TestConnectorContext.builder(provider.configDef())
                .connectorId(provider.name() + "-under-test").settings(settings).build());
        return (FileConnector) c;
    }

    /** The file read by a connector started with {@link #settings()}. */
    protected final RecordBatch read(byte[] file) throws ConnectorException, IOException {
        return start(settings()).read(fileName(), new ByteArrayInputStream(file));
    }

    /** A table of the header and {@code count} well-formed rows. */
    protected static List<List<String>> table(int count) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (int i = 1; i <= count; i++) {
            rows.add(row(i));
        }
        return rows;
    }

    /** The i-th well-formed data row. */
    protected static List<String> row(int i) {
        return List.of(String.format("7312345678%05d", i), i % 2 == 0 ? "中通快递" : "顺丰速运",
                String.format("2026-03-01 %02d:15:00", i % 24), "CJ-ZTO-0" + (i % 10), i % 3 == 0 ? "440106" : "522633");
    }

    @AfterEach
    final void stopTheConnectors() {
        running.forEach(Connector::stop);
        running.clear();
    }

    // ---- the contract ----

    @Test
    void everyRowBecomesARecordOrARejectionAtItsRow() throws Exception {
        List<List<String>> rows = new ArrayList<>(table(3));
        List<String> tooMany = new ArrayList<>(row(4));
        tooMany.add("多出的一格");
        List<String> tooFew = row(5).subList(0, 3);
        rows.add(tooMany);
        rows.add(tooFew);
        rows.add(row(6));

        RecordBatch batch = read(file(rows));

        assertThat(batch.records()).as("rows in = records + rejections").hasSize(rows.size() - 1);
        for (int i = 1; i < rows.size(); i++) {
            SourceRecord record = batch.records().get(i - 1);
            assertThat(record.position()).as("position of data row %d", i).isEqualTo(positionOfRow(i + 1));
            List<String> cells = rows.get(i);
            if (cells == tooMany || cells == tooFew && !shortRowsAreBlankFilled()) {
                assertThat(record).as("row %d with %d cells", i + 1, cells.size()).isInstanceOfSatisfying(SourceRecord.Unreadable.class,
                        u -> assertThat(u.reason()).as("reason").isNotBlank());
            } else {
                assertThat(fieldsOf(record)).as("row %d", i + 1).containsExactlyEntriesOf(expectedFields(cells));
            }
        }
    }

    @Test
    void everyRowOfALargerFileIsAccountedFor() throws Exception {
        List<List<String>> rows = table(500);

        RecordBatch batch = read(file(rows));

        assertThat(batch.records()).hasSize(500).allSatisfy(r -> assertThat(r).isInstanceOf(SourceRecord.Fields.class));
        assertThat(batch.records()).extracting(SourceRecord::position).doesNotHaveDuplicates()
                .endsWith(positionOfRow(501));
    }

    @Test
    void theSameBytesReadTwiceGiveTheSameRecords() throws Exception {
        byte[] file = file(table(4));

        assertThat(read(file)).isEqualTo(read(file));
    }

    @Test
    void aHeaderOnlyFileGivesNoRecords() throws Exception {
        assertThat(read(file(table(0))).records()).isEmpty();
    }

    @Test
    void anEmptyFileIsABadPayloadWithAReason() throws Exception {
        assertRefused(new byte[0]);
    }

    @Test
    void aFileCutShortIsRefusedOrKeepsTheRowsBeforeTheCut() throws Exception {
        List<List<String>> rows = table(6);
        byte[] whole = file(rows);
        byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);

        RecordBatch batch = readOrRefused(cut);

        if (batch != null) {
            assertThat(batch.records().size()).as("records of a file cut short").isLessThanOrEqualTo(rows.size() - 1);
            for (int i = 0; i < batch.records().size() - 1; i++) {
                assertThat(fieldsOf(batch.records().get(i))).as("row %d before the cut", i + 2).containsExactlyEntriesOf(expectedFields(rows.get(i + 1)));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notFiles")
    void bytesThatAreNoFileAreRefusedOrRejectedNeverThrownUnchecked(String what, byte[] bytes) throws Exception {
        RecordBatch batch = readOrRefused(bytes);

        if (batch != null) {
            assertThat(batch.records()).as("what was read of %s", what)
                    .allSatisfy(r -> assertThat(r.position()).isNotBlank());
        }
    }

    static Stream<Arguments> notFiles() {
        Random random = new Random(20260302L);
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        byte[] zipNoise = Arrays.copyOf(new byte[] {'P', 'K', 3, 4}, 4096);
        System.arraycopy(noise, 0, zipNoise, 4, 4092);
        byte[] ole2 = Arrays.copyOf(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 512);
        return Stream.of(
                Arguments.of("random bytes", noise),
                Arguments.of("a zip header and noise", zipNoise),
                Arguments.of("an Excel 97-2003 header", ole2),
                Arguments.of("only line breaks", "\n\r\n\n".getBytes(StandardCharsets.US_ASCII)),
                Arguments.of("NUL bytes", new byte[1024]),
                Arguments.of("a PDF", "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void everyPromisedCharsetReadsTheSame() throws Exception {
        Assumptions.assumeFalse(detectedCharsets().isEmpty(), "the format has no charset of its own");
        List<List<String>> rows = table(3);
        RecordBatch utf8 = read(fileIn(StandardCharsets.UTF_8, rows).orElseThrow());

        for (Charset charset : detectedCharsets()) {
            assertThat(read(fileIn(charset, rows).orElseThrow())).as("the file in %s", charset).isEqualTo(utf8);
        }
    }

    @Test
    void textInNoPromisedCharsetIsRefusedNamingItsRow() throws Exception {
        List<List<String>> rows = new ArrayList<>(table(2));
        rows.add(List.of("731234567890103", "Zürich ÿ", "2026-03-01 10:00:00", "CJ-ZTO-03", "440106"));
        Optional<byte[]> latin1 = fileIn(StandardCharsets.ISO_8859_1, rows);
        Assumptions.assumeTrue(latin1.isPresent(), "the format has no charset of its own");

        try {
            RecordBatch batch = read(latin1.get());
            assertThat(batch.records()).as("a row in another charset").last()
                    .isInstanceOfSatisfying(SourceRecord.Unreadable.class, u -> assertThat(u.position()).isEqualTo(positionOfRow(4)));
        } catch (ConnectorException e) {
            assertThat(e.reason()).as("reason of: %s", e.getMessage()).isEqualTo(ConnectorException.Reason.BAD_PAYLOAD);
            assertThat(e.getMessage()).as("the refusal names the row").containsPattern("\\b4\\b");
        }
    }

    @Test
    void acceptsItsOwnFileNames() throws Exception {
        assertThat(start(settings()).accepts(fileName())).as("accepts %s", fileName()).isTrue();
    }

    @Test
    void noSecretInASettingsProblemOrToString() throws Exception {
        SettingsContract.problemsNeverShowSecrets(provider(), settings());
        List<String> secrets = SettingsContract.secretValues(provider(), settings());
        String shown = start(settings()).toString();
        secrets.forEach(v -> assertThat(shown).as("toString of the connector").doesNotContain(v));
    }

    @Test
    void stopIsIdempotent() throws Exception {
        FileConnector connector = start(settings());
        connector.stop();
        connector.stop();
    }

    // ---- assertions ----

    /** The file read, or {@code null} when it was refused as a {@code BAD_PAYLOAD} with a reason; anything else fails. */
    protected final RecordBatch readOrRefused(byte[] file) throws IOException {
        try {
            return read(file);
        } catch (ConnectorException e) {
            assertThat(e.reason()).as("reason of: %s", e.getMessage()).isEqualTo(ConnectorException.Reason.BAD_PAYLOAD);
            assertThat(e.getMessage()).as("the refusal says why").isNotBlank();
            return null;
        } catch (RuntimeException e) {
            throw new AssertionError("an unchecked exception instead of a refusal or rejections: " + e, e);
        }
    }

    /** Asserts that the file is refused as a whole: {@code BAD_PAYLOAD} with a reason. */
    protected final void assertRefused(byte[] file) throws IOException {
        RecordBatch batch = readOrRefused(file);
        if (batch != null) {
            fail("read into %d records (%s); expected a refusal", batch.size(), batch.records().stream().map(SourceRecord::position).toList());
        }
    }

    private static Map<String, Object> fieldsOf(SourceRecord record) {
        if (record instanceof SourceRecord.Fields f) {
            return f.fields();
        }
        throw new AssertionError("expected the fields of a row at " + record.position() + ", got " + record);
    }

    /** Header to cell text, blanks for the cells a short row lacks. */
    private static Map<String, Object> expectedFields(List<String> cells) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < HEADER.size(); i++) {
            fields.put(HEADER.get(i), i < cells.size() ? cells.get(i) : "");
        }
        return fields;
    }
}

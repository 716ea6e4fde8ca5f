package dev.subsidy.connector.file.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Workbooks whose XML is hostile but whose package is sound, which random bytes almost never give (a
 * flipped bit breaks the zip's checksums first): the input is the XML of the sheet, the shared strings,
 * the styles and the workbook, separated by NUL bytes (a part left out is taken from a plain export),
 * zipped into an XLSX the {@code file} connector then reads, as the first sheet and as a named sheet
 * with its header on row 2.
 */
class WorkbookPartsFuzzTest {

    private static final String[] PART_NAMES = {
        "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"};

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static final String[] DEFAULT_PARTS = {
        "<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"n\"><v>4312345678901</v></c></row></sheetData></worksheet>",
        "<sst xmlns=\"" + MAIN + "\" count=\"1\" uniqueCount=\"1\"><si><t>运单号</t></si></sst>",
        "<styleSheet xmlns=\"" + MAIN + "\"><fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/></fills>"
                + "<borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf/></cellStyleXfs>"
                + "<cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/></cellXfs></styleSheet>",
        "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"运单\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"};

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            </Types>""";

    private static final String PACKAGE_RELS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>""";

    private static final String WORKBOOK_RELS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>""";


    // fuzzed in mvn verify for fuzz.seconds (root pom); without a limit of its own when fuzzed by hand
    @FuzzTest(maxDuration = "")
    void aWorkbookWithHostileXmlIsReadIntoRowsOrRefusedWithAReason(byte[] parts) throws Exception {
        byte[] workbook = workbook(parts);
        FileReads.readOrRefuse("揽收明细.xlsx", Map.of(), workbook);
        FileReads.readOrRefuse("揽收明细.csv", Map.of("sheet", "运单", "header_row", "2"), workbook);
    }

    /** The package around the parts the input gives. */
    static byte[] workbook(byte[] input) throws IOException {
        List<byte[]> given = split(input);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
            put(zip, "_rels/.rels", PACKAGE_RELS.getBytes(StandardCharsets.UTF_8));
            put(zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < PART_NAMES.length; i++) {
                put(zip, PART_NAMES[i], i < given.size() ? given.get(i) : DEFAULT_PARTS[i].getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    private static List<byte[]> split(byte[] input) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= input.length && parts.size() < PART_NAMES.length; i++) {
            if (i == input.length || input[i] == 0) {
                byte[] part = new byte[i - start];
                System.arraycopy(input, start, part, 0, part.length);
                parts.add(part);
                start = i + 1;
            }
        }
        return parts;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}

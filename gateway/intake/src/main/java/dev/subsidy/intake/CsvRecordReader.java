package dev.subsidy.intake;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CSV with a header row naming the standard fields. List fields ({@code waybills},
 * {@code categories}) hold their items separated by ";" or "|". An empty cell is an absent field.
 * A row whose column count differs from the header is rejected on its own. Index counts data rows
 * from 0.
 *
 * <p>Every CSV cell is text, so for standard records the cells of typed columns become the JSON
 * types the parser requires of every record: {@code true} or {@code false} (in any case, as
 * spreadsheets write TRUE) in {@code crossBorder} become booleans, whole numbers in ASCII digits in
 * {@code weightGrams} and {@code traceEvents} become numbers. Anything else stays text and is
 * refused by the parser with the cell's value ({@code yes}, {@code 1}, {@code 1.5} are not taken).
 *
 * <p>A shipment's {@code scans} cell holds its trace events separated by ";" or "|", each
 * {@code TYPE@AT[@REGION[@FACILITY]]} ({@code COLLECT@2026-11-01T08:00:00+08:00@522633;DELIVER@2026-11-03T15:00:00+08:00@@广州天河站}):
 * each becomes the object {@code {"type", "at", "region", "facility"}} a JSON feed sends, empty parts left
 * out, so the parser names a bad scan the same way ({@code scans[1].at: missing}). A facility cannot hold
 * ";" or "|" in this form; JSON and NDJSON carry any.
 *
 * <p>A row's raw payload (docs/records.md "Provenance") is the header row and the row as they stand in
 * the body, each without its line ending, joined by one line feed: a row alone does not say what its
 * cells are.
 */
public final class CsvRecordReader implements RecordReader {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
    private static final Set<String> STANDARD_LIST_FIELDS = Set.of("waybills", "categories");
    private static final Set<String> STANDARD_BOOLEAN_FIELDS = Set.of("crossBorder");
    private static final Set<String> STANDARD_INTEGER_FIELDS = Set.of("weightGrams", "traceEvents", "parcelCount");
    private static final Set<String> STANDARD_SCAN_FIELDS = Set.of("scans");
    private static final String[] SCAN_PARTS = {"type", "at", "region", "facility"};
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("\\s*[;|]\\s*");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");

    private final ObjectMapper json;
    private final Set<String> listFields;
    private final Set<String> booleanFields;
    private final Set<String> integerFields;
    private final Set<String> scanFields;
    private final String text;
    private final MappingIterator<String[]> rows;
    private final String[] header;
    private final String headerText;
    /** Where the text read so far ends: the next row starts after it, past any line endings. */
    private int consumed;
    private int index;

    CsvRecordReader(String text, ObjectMapper json) {
        this(text, json, STANDARD_LIST_FIELDS, STANDARD_BOOLEAN_FIELDS, STANDARD_INTEGER_FIELDS, STANDARD_SCAN_FIELDS);
    }

    /** A reader whose named columns hold lists of items separated by ";" or "|"; every other cell is text. */
    public CsvRecordReader(String text, ObjectMapper json, Set<String> listFields) {
        this(text, json, listFields, Set.of(), Set.of(), Set.of());
    }

    private CsvRecordReader(String text, ObjectMapper json, Set<String> listFields, Set<String> booleanFields,
                            Set<String> integerFields, Set<String> scanFields) {
        this.text = text;
        this.json = json;
        this.listFields = Set.copyOf(listFields);
        this.booleanFields = booleanFields;
        this.integerFields = integerFields;
        this.scanFields = scanFields;
        try {
            this.rows = CSV.readerFor(String[].class).readValues(text);
            if (!rows.hasNextValue()) {
                throw new UnreadableBodyException("CSV body is empty: expected a header row naming the fields");
            }
            String[] names = rows.nextValue();
            this.headerText = advance();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < names.length; i++) {
                names[i] = names[i].strip();
                if (!names[i].isEmpty() && !seen.add(names[i])) {
                    throw new UnreadableBodyException("CSV header names the column '" + names[i] + "' twice");
                }
            }
            this.header = names;
        } catch (IOException e) {
            throw new UnreadableBodyException("CSV header cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public List<BodyRecord> next(int max) {
        List<BodyRecord> out = new ArrayList<>(Math.min(max, 1024));
        try {
            while (out.size() < max && rows.hasNextValue()) {
                String[] row = rows.nextValue();
                String rowText = advance();
                if (row.length == 1 && row[0].isBlank()) {
                    continue;
                }
                int i = index++;
                String raw = String.join(",", row);
                if (row.length != header.length) {
                    out.add(BodyRecord.unreadable(i, raw, "row has " + row.length + " columns, the header has "
                            + header.length));
                    continue;
                }
                out.add(BodyRecord.of(i, toFields(row), raw, headerText + "\n" + rowText));
            }
        } catch (IOException | RuntimeException e) {
            // Jackson CSV cannot resynchronise after a broken quote: the rest is unreadable
            throw new UnreadableBodyException("CSV cannot be read after data row " + index + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The text of the row just read, as it stands in the body without line endings. The parser's
     * position is at most one line-ending character off the row's end either way, so line endings
     * are skipped before the row and stripped after it (a quoted cell keeps the ones inside it).
     */
    private String advance() {
        int start = consumed;
        int end = (int) Math.min(text.length(), Math.max(start, rows.getParser().currentLocation().getCharOffset()));
        consumed = end;
        while (start < end && (text.charAt(start) == '\r' || text.charAt(start) == '\n')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == '\r' || text.charAt(end - 1) == '\n')) {
            end--;
        }
        return text.substring(start, end);
    }

    /** {@code TYPE@AT[@REGION[@FACILITY]]} as the object a JSON feed sends; the facility keeps any further "@". */
    private ObjectNode scan(String item) {
        ObjectNode scan = json.createObjectNode();
        String[] parts = item.split("@", SCAN_PARTS.length);
        for (int p = 0; p < parts.length; p++) {
            String part = parts[p].strip();
            if (!part.isEmpty()) {
                scan.put(SCAN_PARTS[p], part);
            }
        }
        return scan;
    }

    private ObjectNode toFields(String[] row) {
        ObjectNode fields = json.createObjectNode();
        for (int c = 0; c < header.length; c++) {
            String value = row[c].strip();
            if (value.isEmpty()) {
                continue;
            }
            if (scanFields.contains(header[c])) {
                ArrayNode scans = fields.putArray(header[c]);
                for (String item : ITEM_SEPARATOR.split(value)) {
                    if (!item.isEmpty()) {
                        scans.add(scan(item));
                    }
                }
            } else if (listFields.contains(header[c])) {
                ArrayNode items = fields.putArray(header[c]);
                for (String item : ITEM_SEPARATOR.split(value)) {
                    if (!item.isEmpty()) {
                        items.add(item);
                    }
                }
            } else if (booleanFields.contains(header[c]) && (value.equalsIgnoreCase("true")
                    || value.equalsIgnoreCase("false"))) {
                fields.put(header[c], value.equalsIgnoreCase("true"));
            } else if (integerFields.contains(header[c]) && WHOLE_NUMBER.matcher(value).matches()) {
                fields.put(header[c], Long.parseLong(value));
            } else {
                fields.put(header[c], value);
            }
        }
        return fields;
    }
}

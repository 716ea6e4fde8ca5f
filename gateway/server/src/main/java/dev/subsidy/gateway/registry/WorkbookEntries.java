package dev.subsidy.gateway.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.connector.file.Workbooks;
import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.intake.BodyRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A registry upload as an XLSX workbook (docs/registry.md "Fields"): the first sheet, read by the file
 * connector's reader, its header row naming the same columns as a CSV body and each cell read as a
 * CSV cell is (an empty cell is an absent field, list cells split on ";" or "|"). Indexes count data
 * rows from 0 as for CSV; each entry keeps its sheet row ({@code sheet 名录, row 5}) so that a reason
 * names the row the administrator sees in Excel. Stateless.
 */
final class WorkbookEntries {

    static final String MEDIA_SUBTYPE = "vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("\\s*[;|]\\s*");

    private WorkbookEntries() {}

    static List<BodyRecord> read(byte[] body, ObjectMapper json, Set<String> listFields) {
        List<SourceRecord> rows;
        try {
            rows = Workbooks.firstSheet(body);
        } catch (ConnectorException e) {
            throw new BadRequestException(e.getMessage());
        }
        List<BodyRecord> out = new ArrayList<>(rows.size());
        for (SourceRecord row : rows) {
            int index = out.size();
            if (row instanceof SourceRecord.Fields fields) {
                out.add(BodyRecord.of(index, entry(fields.fields(), json, listFields), String.join(",", fields.fields().values().stream().map(String::valueOf).toList()))
                        .at(row.position()));
            } else if (row instanceof SourceRecord.Unreadable unreadable) {
                out.add(BodyRecord.unreadable(index, unreadable.raw(), unreadable.reason()).at(row.position()));
            } else {
                throw new IllegalStateException("a workbook row is read as fields, not " + row.getClass().getSimpleName());
            }
        }
        return out;
    }

    private static ObjectNode entry(Map<String, Object> cells, ObjectMapper json, Set<String> listFields) {
        ObjectNode entry = json.createObjectNode();
        cells.forEach((column, cell) -> {
            String value = cell == null ? "" : cell.toString().strip();
            if (value.isEmpty()) {
                return;
            }
            if (listFields.contains(column)) {
                ArrayNode items = entry.putArray(column);
                for (String item : ITEM_SEPARATOR.split(value)) {
                    if (!item.isEmpty()) {
                        items.add(item);
                    }
                }
            } else {
                entry.put(column, value);
            }
        });
        return entry;
    }
}

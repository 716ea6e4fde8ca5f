package dev.subsidy.gateway.storage.records;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A row reader's columns by label. A mapping asks the same labels in the same order row after row, so each is found
 * by its place in that order, compared by identity (the mappings' constants), where a map looked each one up by its
 * hash 25 times a row (docs/operations.md "Database").
 */
public final class ColumnLabels {

    private final Map<String, Integer> columns = new HashMap<>();
    private String[] asked = new String[32];
    private int[] askedColumns = new int[32];
    private int asks;

    /** @param labels the query's columns, in order */
    public ColumnLabels(String[] labels) {
        for (int i = 0; i < labels.length; i++) {
            columns.put(labels[i], i);
        }
    }

    public int size() {
        return columns.size();
    }

    /** Called before each row's first label is asked. */
    public void nextRow() {
        asks = 0;
    }

    /** The column {@code label} names, counting from 0. */
    public int column(String label) throws SQLException {
        if (asks < asked.length && asked[asks] == label) {
            return askedColumns[asks++];
        }
        Integer found = columns.get(label);
        if (found == null) {
            throw new SQLException("no column " + label + " among " + columns.keySet());
        }
        if (asks == asked.length) {
            asked = Arrays.copyOf(asked, asks * 2);
            askedColumns = Arrays.copyOf(askedColumns, asks * 2);
        }
        asked[asks] = label;
        askedColumns[asks] = found;
        asks++;
        return found;
    }
}

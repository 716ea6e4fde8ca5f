package dev.subsidy.gateway.storage;

import dev.subsidy.gateway.storage.records.RowReader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The rows of a query on SQLite read as one text each, every column in it as its length in bytes, a colon and its
 * value, or a colon alone for NULL, seen through {@link RowReader}. SQLite's driver reads each column of a row through a
 * call into its native code: a million shipments of 21 columns took 5.1–6.0 s read column by column, 2.0 s of it the
 * query itself, and 3.1–3.2 s as one text cut up here (docs/operations.md "Database"). The lengths make any value
 * safe to join, whatever it holds; whole numbers come as their digits. SQLite makes the text in one call of
 * {@code concat} (SQLite 3.44 and later): joined with {@code ||}, each column copied the text made so far again.
 */
public final class JoinedRows extends RowInBytes {

    private byte[] row = new byte[0];

    private JoinedRows(String[] labels) {
        super(labels);
    }

    /**
     * Columns joined by one call of {@code concat}, three arguments each: the driver's SQLite takes at most 100
     * ({@code JoinedRowsIT} joins more), so a shipment's 21 columns and an order's 25 are one call.
     */
    private static final int COLUMNS_PER_CALL = 33;

    /**
     * The one column to select for the columns {@code labels} name: each a column of text or whole numbers. A NULL
     * is joined as nothing by {@code concat}, so it leaves its colon alone, where an empty text is {@code 0:}.
     */
    public static String select(String[] labels) {
        List<String> calls = new ArrayList<>();
        for (int from = 0; from < labels.length; from += COLUMNS_PER_CALL) {
            calls.add(Arrays.stream(labels, from, Math.min(labels.length, from + COLUMNS_PER_CALL))
                    .map(c -> "octet_length(" + c + "), ':', " + c).collect(Collectors.joining(", ", "concat(", ")")));
        }
        return calls.size() == 1 ? calls.get(0) : String.join(" || ", calls);
    }

    /**
     * Runs {@code query}, whose one column is {@link #select}{@code (labels)}, on the connection {@code template} gives
     * this thread, and hands each row to {@code handler} as the columns {@code labels} name.
     */
    public static void read(JdbcTemplate template, String query, String[] labels, RowReader.Handler handler) {
        JoinedRows rows = new JoinedRows(labels);
        template.query(query, (RowCallbackHandler) rs -> {
            rows.split(rs.getBytes(1));
            handler.row(rows);
        });
    }

    /** Finds each column's value in {@code joined}, the row's text as UTF-8. */
    void split(byte[] joined) throws SQLException {
        if (joined == null) {
            // every column is joined with a mark for NULL, so only a query not built on select gives none
            throw new SQLException("a row without its joined columns: the query does not select JoinedRows.select");
        }
        nextRow();
        row = joined;
        int at = 0;
        for (int i = 0; i < offsets.length; i++) {
            if (at < joined.length && joined[at] == ':') {
                lengths[i] = -1;
                at++;
                continue;
            }
            long length = 0;
            int digits = at;
            while (at < joined.length && joined[at] != ':') {
                int digit = joined[at++] - '0';
                if (digit < 0 || digit > 9 || length > joined.length) {
                    throw notJoined(joined, i);
                }
                length = length * 10 + digit;
            }
            at++; // the colon
            if (at == digits + 1 || at + length > joined.length) {
                throw notJoined(joined, i);
            }
            offsets[i] = at;
            lengths[i] = (int) length;
            at += (int) length;
        }
        if (at != joined.length) {
            throw notJoined(joined, offsets.length);
        }
    }

    private static SQLException notJoined(byte[] joined, int column) {
        return new SQLException("a row of " + joined.length + " bytes does not hold its columns as joined (at column "
                + column + ")");
    }

    @Override
    byte[] bytes() {
        return row;
    }

    @Override
    long number(String label, byte[] bytes, int at, int length) throws SQLException {
        int end = at + length;
        boolean negative = at < end && bytes[at] == '-';
        if (negative) {
            at++;
        }
        if (at == end) {
            throw new SQLException("column " + label + " is not a whole number");
        }
        long value = 0;
        try {
            for (; at < end; at++) {
                int digit = bytes[at] - '0';
                if (digit < 0 || digit > 9) {
                    throw new SQLException("column " + label + " is not a whole number");
                }
                // accumulated negative, as Long.parseLong does, so that the smallest long reads too
                value = Math.subtractExact(Math.multiplyExact(value, 10), digit);
            }
            return negative ? value : Math.negateExact(value);
        } catch (ArithmeticException e) {
            throw new SQLException("column " + label + " holds a number past a long: " + e.getMessage());
        }
    }
}

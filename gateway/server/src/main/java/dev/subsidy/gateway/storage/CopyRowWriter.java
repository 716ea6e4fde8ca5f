package dev.subsidy.gateway.storage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * COPY table (columns) FROM STDIN in text format, streamed on the connection of the current
 * Spring transaction (so the rows commit or roll back with everything else written in it).
 */
final class CopyRowWriter implements RowWriter {

    private static final int BUFFER = 1 << 16;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    CopyRowWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
    }

    @Override
    public void insert(String table, String[] columns, int[] nullTypes, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        // the driver speaks UTF-8 to the server (client_encoding UTF8), the rows are encoded the same
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT text)";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, BUFFER);
            try {
                Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER);
                for (Object[] row : rows) {
                    CopyText.writeRow(out, row);
                }
                out.flush();
                copy.endCopy();
            } catch (IOException | SQLException | RuntimeException e) {
                // never end a COPY that was cut short: its rows so far would be kept
                if (copy.isActive()) {
                    try {
                        copy.cancelCopy();
                    } catch (SQLException cancel) {
                        e.addSuppressed(cancel);
                    }
                }
                throw e;
            }
        } catch (SQLException e) {
            throw translate(sql, e);
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw translate(sql, cause);
            }
            throw new UncheckedIOException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private RuntimeException translate(String sql, SQLException e) {
        RuntimeException translated = jdbc.getExceptionTranslator().translate("COPY", sql, e);
        return translated != null ? translated : new IllegalStateException(e);
    }
}

package dev.subsidy.connector.file;

import dev.subsidy.connector.api.ConnectorConfig;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a connector instance reads its files, from its definition's settings. Immutable.
 *
 * @param format {@code auto}, {@code csv} or {@code xlsx}
 * @param sheet the XLSX sheet to read, or empty for the first
 * @param headerRow the 1-based row holding the column headers; rows above it (an export's title)
 *     are skipped
 * @param encoding {@code auto}, {@code UTF-8} or {@code GBK} (CSV only)
 */
record ReadOptions(String format, Optional<String> sheet, int headerRow, String encoding) {

    static final String AUTO = "auto";
    static final String UTF_8 = "UTF-8";
    static final String GBK = "GBK";

    ReadOptions {
        format = format.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(sheet, "sheet");
        if (headerRow < 1) {
            throw new IllegalArgumentException("header_row must be 1 or more");
        }
        Objects.requireNonNull(encoding, "encoding");
    }

    static ReadOptions of(ConnectorConfig config) {
        return new ReadOptions(config.getString(FileConnectorProvider.FORMAT),
                config.find(FileConnectorProvider.SHEET).map(String::strip).filter(s -> !s.isEmpty()),
                config.getInt(FileConnectorProvider.HEADER_ROW),
                config.getString(FileConnectorProvider.ENCODING));
    }

    /** The format forced by the definition, or empty when it is detected. */
    Optional<FileFormat> forcedFormat() {
        return AUTO.equals(format) ? Optional.empty() : Optional.of(FileFormat.valueOf(format.toUpperCase(Locale.ROOT)));
    }
}

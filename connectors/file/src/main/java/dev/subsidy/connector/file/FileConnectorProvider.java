package dev.subsidy.connector.file;

import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.connector.api.ConfigDef.Setting;
import dev.subsidy.connector.api.ConfigDef.Type;
import dev.subsidy.connector.api.Connector;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;

/**
 * The connector type {@code file}: CSV and XLSX exports dropped in the connector's inbox folder, one
 * record per row. Found through {@link java.util.ServiceLoader}. Stateless and thread-safe.
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code format}: {@code auto} (by the file's extension and content), {@code csv} or {@code xlsx};</li>
 *   <li>{@code sheet}: the XLSX sheet to read (default: the first);</li>
 *   <li>{@code header_row}: the row holding the column headers (default 1; rows above it, such as an
 *       export's title line, are skipped);</li>
 *   <li>{@code encoding}: {@code auto} (UTF-8, with or without BOM, else GBK), {@code UTF-8} or {@code GBK};</li>
 *   <li>{@code quiet_period}: how long a file must stay unchanged before the inbox takes it
 *       ({@link FileStability}).</li>
 * </ul>
 */
public final class FileConnectorProvider implements ConnectorProvider {

    /** The type name definitions use. */
    public static final String NAME = "file";

    static final String FORMAT = "format";
    static final String SHEET = "sheet";
    static final String HEADER_ROW = "header_row";
    static final String ENCODING = "encoding";
    /** The inbox's quiet period; read by the gateway, which owns the folder. */
    public static final String QUIET_PERIOD = "quiet_period";

    private static final ConfigDef CONFIG = ConfigDef.builder()
            .define(Setting.optional(FORMAT, Type.STRING, ReadOptions.AUTO,
                    "auto (by extension and content), csv or xlsx").oneOf(ReadOptions.AUTO, "csv", "xlsx"))
            .define(Setting.optional(SHEET, Type.STRING, null, "XLSX sheet to read; the first when not set"))
            .define(Setting.optional(HEADER_ROW, Type.INT, "1", "row of the column headers; rows above it are skipped")
                    .check(ConfigDef.ValueCheck.between(1, 1000)))
            .define(Setting.optional(ENCODING, Type.STRING, ReadOptions.AUTO,
                    "CSV text encoding: auto (UTF-8, with or without BOM, else GBK), UTF-8 or GBK")
                    .oneOf(ReadOptions.AUTO, ReadOptions.UTF_8, ReadOptions.GBK))
            .define(Setting.optional(QUIET_PERIOD, Type.DURATION, "10s",
                    "how long a file must stay unchanged (size and time) before it is read"))
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorKind kind() {
        return ConnectorKind.FILE;
    }

    @Override
    public ConfigDef configDef() {
        return CONFIG;
    }

    @Override
    public Connector create() {
        return new SpreadsheetFileConnector();
    }

    @Override
    public String description() {
        return "CSV (UTF-8 or GBK) and XLSX exports dropped in an inbox folder, one record per row";
    }
}

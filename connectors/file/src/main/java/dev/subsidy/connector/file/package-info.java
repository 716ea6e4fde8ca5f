/**
 * The built-in file connector type {@code file}: carriers' and marketplaces' exports dropped in a
 * connector's inbox folder, CSV (UTF-8, UTF-8 with a BOM, or GBK, detected) or XLSX (first or named
 * sheet), one {@link dev.subsidy.connector.api.SourceRecord.Fields} per row with the file's own
 * column headers (Chinese ones included) as field names and every cell as text, exactly as the
 * file shows it. The mapping renames and converts.
 *
 * <p>{@link dev.subsidy.connector.file.FileStability} is the inbox's rule for when a file is
 * complete; the gateway's inbox route applies it before it hands a file to the connector.
 */
package dev.subsidy.connector.file;

package dev.subsidy.connector.file;

import java.util.Locale;
import java.util.Optional;

/** The formats the file connector reads, and how a file's format is told. Constants: thread-safe. */
enum FileFormat {
    CSV,
    XLSX;

    /** The format a file name's extension says, if it says one. */
    static Optional<FileFormat> byName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return Optional.of(XLSX);
        }
        return Optional.empty();
    }

    /**
     * The format the content shows: an XLSX file is a zip archive. Some systems export a workbook
     * under a {@code .csv} name, so the content wins over the name.
     */
    static FileFormat byContent(byte[] content, FileFormat fallback) {
        return startsWith(content, 'P', 'K', 3, 4) ? XLSX : fallback;
    }

    /** Whether the content is an Excel 97-2003 workbook (an OLE2 compound file), which is not read. */
    static boolean isLegacyExcel(byte[] content) {
        return startsWith(content, 0xD0, 0xCF, 0x11, 0xE0);
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}

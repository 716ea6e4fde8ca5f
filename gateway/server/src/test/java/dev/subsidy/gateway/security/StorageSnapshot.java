package dev.subsidy.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSetMetaData;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything the gateway keeps, as one digest per table of the embedded SQLite database and one per
 * file under {@code gateway.home} (the database files aside): two snapshots are equal when nothing
 * was written, and a difference names where.
 */
final class StorageSnapshot {

    private StorageSnapshot() {}

    static Map<String, String> of(JdbcTemplate jdbc, Path home) {
        Map<String, String> digests = new TreeMap<>();
        List<String> tables = jdbc.queryForList(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", String.class);
        for (String table : tables) {
            StringBuilder rows = new StringBuilder();
            jdbc.query("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"", rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    rows.append(rs.getString(c)).append('\u001f');
                }
                rows.append('\n');
            });
            digests.put("table " + table, sha256(rows.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("gateway.db"))
                    .forEach(f -> digests.put("file " + home.relativize(f), sha256(read(f))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digests;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.subsidy.gateway.storage.records;

import dev.subsidy.model.RecordKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** One stored record with its verification status and every version it had (tables of docs/records.md). */
@Repository
public class RecordHistory {

    private final JdbcTemplate jdbc;

    public RecordHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A version as it was received, its body the standard record's JSON text. */
    public record Version(int version, Instant updatedAt, String connector, Instant receivedAt, String body) {}

    /**
     * The record's current state: {@code reasons} joined by "; ", {@code connectors} by ",", as stored.
     */
    public record Stored(String status, String reasons, int version, Instant updatedAt, String connector,
                         String connectors, int duplicates, List<Version> versions) {}

    public Optional<Stored> find(RecordKind kind, String naturalKey) {
        String table = kind == RecordKind.SHIPMENT ? "shipment" : "sales_order";
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT version, updated_at, connector_id, connectors, "
                + "duplicates, status, reasons FROM " + table + " WHERE natural_key = ?", naturalKey);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        List<Version> versions = jdbc.query("SELECT version, updated_at, connector_id, received_at, body FROM record_version "
                + "WHERE kind = ? AND natural_key = ? ORDER BY version", (rs, n) -> new Version(rs.getInt("version"),
                Instant.ofEpochMilli(rs.getLong("updated_at")), rs.getString("connector_id"),
                Instant.ofEpochMilli(rs.getLong("received_at")), rs.getString("body")), kind.name(), naturalKey);
        return Optional.of(new Stored((String) row.get("status"), (String) row.get("reasons"),
                ((Number) row.get("version")).intValue(), Instant.ofEpochMilli(((Number) row.get("updated_at")).longValue()),
                (String) row.get("connector_id"), (String) row.get("connectors"),
                ((Number) row.get("duplicates")).intValue(), versions));
    }
}

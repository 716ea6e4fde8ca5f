package dev.subsidy.gateway.storage.records;

import dev.subsidy.model.RecordKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** One stored record with its verification status and every version it had (tables of docs/records.md). */
@Repository
public class RecordHistory {

    private final JdbcTemplate jdbc;

    public RecordHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A version as it was received, its body the standard record's JSON text.
     *
     * @param rawHash SHA-256 of its raw payload (docs/records.md "Provenance"); null when received
     *     before raw payloads were kept
     * @param rawKept whether the raw payload itself is still kept
     * @param rawExpiresAt when the raw payload is (or was) removed; null without a raw hash
     */
    public record Version(int version, Instant updatedAt, String connector, Instant receivedAt, String body,
                          String rawHash, boolean rawKept, Instant rawExpiresAt) {}

    /** What is known of one version's raw payload. */
    public sealed interface RawPayload {
        /** The text as received, its SHA-256 the version's raw hash. */
        record Kept(String text) implements RawPayload {}

        /** Removed by retention: only the hash is left. */
        record Expired(Instant on) implements RawPayload {}

        /** The version was received before raw payloads were kept. */
        record NeverKept() implements RawPayload {}

        /** Kept, but what is stored cannot be read back (a damaged segment): why. */
        record Unreadable(String why) implements RawPayload {}
    }

    /**
     * The record's current state: {@code reasons} joined by "; ", {@code connectors} by ",", as stored.
     */
    public record Stored(String status, String reasons, int version, Instant updatedAt, String connector,
                         String connectors, int duplicates, List<Version> versions) {}

    public Optional<Stored> find(RecordKind kind, String naturalKey) {
        String table = kind == RecordKind.SHIPMENT ? "shipment" : "sales_order";
        // an inline payload is in the row's raw column, or since V21 in the segment the row points at
        List<Map<String, Object>> rows = jdbc.query("SELECT version, updated_at, connector_id, connectors, "
                + "duplicates, " + RecordStatusJoin.status(kind, "r") + " AS status, st.reasons AS reasons, received_at, "
                + "r.body AS body, raw_hash, CASE WHEN raw_hash IS NOT NULL AND (raw IS NOT NULL OR seg.body IS NOT NULL) "
                + "THEN 1 ELSE 0 END "
                + "AS raw_kept, COALESCE(raw_expires_at, seg.expires_at) AS raw_expires_at, "
                + RecordColumns.of(kind) + " FROM " + table + " r" + RecordStatusJoin.join(kind, "r")
                + " LEFT JOIN raw_segment seg ON seg.batch_id = r.batch_id AND seg.segment = r.raw_segment"
                + " WHERE r.natural_key = ?", (rs, n) -> inlineForm(kind, rs), naturalKey);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        if (row.get("body") != null) {
            // its only version, inline in its row (V13)
            Number expires = (Number) row.get("raw_expires_at");
            Version only = new Version(((Number) row.get("version")).intValue(),
                    Instant.ofEpochMilli(((Number) row.get("updated_at")).longValue()), (String) row.get("connector_id"),
                    Instant.ofEpochMilli(((Number) row.get("received_at")).longValue()), (String) row.get("body"),
                    (String) row.get("raw_hash"), ((Number) row.get("raw_kept")).intValue() == 1,
                    expires == null ? null : Instant.ofEpochMilli(expires.longValue()));
            return Optional.of(stored(row, List.of(only)));
        }
        List<Version> versions = jdbc.query("SELECT v.version, v.updated_at, v.connector_id, v.received_at, v.body, "
                + "v.raw_hash, CASE WHEN p.body IS NULL THEN 0 ELSE 1 END AS raw_kept, p.expires_at AS raw_expires_at "
                + "FROM record_version v LEFT JOIN raw_payload p ON p.raw_hash = v.raw_hash "
                + "WHERE v.kind = ? AND v.natural_key = ? ORDER BY v.version", (rs, n) -> {
                    long expires = rs.getLong("raw_expires_at");
                    Instant rawExpiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
                    return new Version(rs.getInt("version"), Instant.ofEpochMilli(rs.getLong("updated_at")),
                            rs.getString("connector_id"), Instant.ofEpochMilli(rs.getLong("received_at")),
                            rs.getString("body"), rs.getString("raw_hash"), rs.getInt("raw_kept") == 1, rawExpiresAt);
                }, kind.name(), naturalKey);
        return Optional.of(stored(row, versions));
    }

    /** The row's columns by name, its body the inline version's canonical form (rebuilt when kept empty). */
    private static Map<String, Object> inlineForm(RecordKind kind, ResultSet rs) throws SQLException {
        Map<String, Object> row = new ColumnMapRowMapper().mapRow(rs, 0);
        if (rs.getString("body") != null) {
            row.put("body", RecordColumns.canonicalForm(kind, rs, new RecordColumns.SharedValues()));
        }
        return row;
    }

    private static Stored stored(Map<String, Object> row, List<Version> versions) {
        return new Stored((String) row.get("status"), (String) row.get("reasons"),
                ((Number) row.get("version")).intValue(), Instant.ofEpochMilli(((Number) row.get("updated_at")).longValue()),
                (String) row.get("connector_id"), (String) row.get("connectors"),
                ((Number) row.get("duplicates")).intValue(), versions);
    }

    /** The raw payload of one version of a record; empty when there is no such version. */
    public Optional<RawPayload> raw(RecordKind kind, String naturalKey, int version) {
        String table = kind == RecordKind.SHIPMENT ? "shipment" : "sales_order";
        // the version inline in its row (V13), else the history
        RawSegments segments = new RawSegments(jdbc);
        List<RawPayload> inline = jdbc.query("SELECT raw_hash, raw AS body, raw_expires_at AS expires_at, batch_id, "
                + "raw_segment, raw_at, raw_length, received_at FROM " + table
                + " WHERE natural_key = ? AND version = ? AND body IS NOT NULL", (rs, n) -> {
                    int segment = rs.getInt("raw_segment");
                    if (rs.wasNull() || rs.getString("raw_hash") == null) {
                        return payload(rs);
                    }
                    // in the segment of its chunk (V21); a segment missing is read as expired at arrival, as below
                    Optional<RawSegments.Stored> kept = segments.find(rs.getString("batch_id"), segment);
                    if (kept.isEmpty()) {
                        return new RawPayload.Expired(Instant.ofEpochMilli(rs.getLong("received_at")));
                    }
                    RawSegments.Stored stored = kept.get();
                    if (stored.damage() != null) {
                        return new RawPayload.Unreadable("its segment cannot be read: " + stored.damage());
                    }
                    try {
                        String text = stored.text(rs.getInt("raw_at"), rs.getInt("raw_length"));
                        return text != null ? new RawPayload.Kept(text) : new RawPayload.Expired(stored.expiresAt());
                    } catch (IllegalStateException e) {
                        return new RawPayload.Unreadable(e.getMessage());
                    }
                }, naturalKey, version);
        if (!inline.isEmpty()) {
            return Optional.of(inline.get(0));
        }
        List<RawPayload> found = jdbc.query("SELECT v.raw_hash, p.body, p.expires_at FROM record_version v "
                + "LEFT JOIN raw_payload p ON p.raw_hash = v.raw_hash "
                + "WHERE v.kind = ? AND v.natural_key = ? AND v.version = ?", (rs, n) -> payload(rs),
                kind.name(), naturalKey, version);
        return found.stream().findFirst();
    }

    private static RawPayload payload(ResultSet rs) throws SQLException {
        if (rs.getString("raw_hash") == null) {
            return new RawPayload.NeverKept();
        }
        String body = rs.getString("body");
        long expires = rs.getLong("expires_at");
        // a hash without its row cannot be written by the intake (one transaction); read as expired at arrival
        return body != null ? new RawPayload.Kept(body) : new RawPayload.Expired(Instant.ofEpochMilli(expires));
    }
}

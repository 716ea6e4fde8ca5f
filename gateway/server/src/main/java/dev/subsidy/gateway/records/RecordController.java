package dev.subsidy.gateway.records;

import dev.subsidy.model.RecordKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.gateway.web.NotFoundException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/records/{kind}/{key}}: one record with its status, reasons, source and history. */
@RestController
class RecordController {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RecordController(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Version(int version, Instant updatedAt, String connector, Instant receivedAt, JsonNode record) {}

    record View(String kind, String key, String status, List<String> reasons, int version, Instant updatedAt,
                String connector, List<String> connectors, int duplicates, JsonNode record, List<Version> versions) {}

    @GetMapping("/api/v1/records/{kind}/{key}")
    View get(@PathVariable String kind, @PathVariable String key) {
        // keys are stored in NFKC (intake's one form): a full-width waybill number finds its parcel
        key = Normalizer.normalize(key, Normalizer.Form.NFKC);
        RecordKind k;
        try {
            k = RecordKind.fromWire(kind);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        String table = k == RecordKind.SHIPMENT ? "shipment" : "sales_order";
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT version, updated_at, connector_id, connectors, "
                + "duplicates, status, reasons FROM " + table + " WHERE natural_key = ?", key);
        if (rows.isEmpty()) {
            throw new NotFoundException("no " + k.wireName() + " '" + key + "' (keys are CARRIER:waybillNo or PLATFORM:orderId)");
        }
        Map<String, Object> row = rows.get(0);
        List<Version> versions = jdbc.query("SELECT version, updated_at, connector_id, received_at, body FROM record_version "
                + "WHERE kind = ? AND natural_key = ? ORDER BY version", (rs, n) -> new Version(rs.getInt("version"),
                Instant.ofEpochMilli(rs.getLong("updated_at")), rs.getString("connector_id"),
                Instant.ofEpochMilli(rs.getLong("received_at")), parse(rs.getString("body"))), k.name(), key);
        int current = ((Number) row.get("version")).intValue();
        JsonNode record = versions.stream().filter(v -> v.version() == current).map(Version::record).findFirst().orElse(null);
        String reasons = (String) row.get("reasons");
        return new View(k.wireName(), key, (String) row.get("status"),
                reasons == null ? List.of() : Arrays.asList(reasons.split("; ")), current,
                Instant.ofEpochMilli(((Number) row.get("updated_at")).longValue()), (String) row.get("connector_id"),
                Arrays.asList(((String) row.get("connectors")).split(",")), ((Number) row.get("duplicates")).intValue(),
                record, versions);
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("stored record cannot be read", e);
        }
    }
}

package dev.subsidy.gateway.storage.verification;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.Sql;
import dev.subsidy.model.Period;
import dev.subsidy.model.RecordKind;
import dev.subsidy.model.RecordStatus;
import dev.subsidy.model.Subject;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.ShipmentVerdict;
import dev.subsidy.verification.StatusBook;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes verification outcomes back, in batches: each record's status and reasons in {@code record_status},
 * each rule's finding in {@code record_finding} (replacing what the last verification found).
 */
@Component
class JdbcStatusBook implements StatusBook {

    private static final int BATCH = 2000;

    private static final String[] OUTCOME_COLUMNS = {"natural_key", "status", "reasons"};
    private static final int[] OUTCOME_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};
    /** The upsert's conflict clause, up to its last condition: whether the reasons differ, said per database. */
    private static final String UPSERT = "ON CONFLICT (kind, natural_key) DO UPDATE SET status = excluded.status, "
            + "reasons = excluded.reasons WHERE record_status.status <> excluded.status OR ";

    private final JdbcTemplate jdbc;
    private final RowWriter rows;
    private final Dialect dialect;

    JdbcStatusBook(JdbcTemplate jdbc, RowWriter rows, Dialect dialect) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.dialect = dialect;
    }

    private record Outcome(String naturalKey, RecordStatus status, List<String> reasons, List<Finding> findings,
                           String period, String subjectId) {}

    @Override
    public void markShipments(List<ShipmentVerdict> verdicts) {
        write(RecordKind.SHIPMENT, verdicts.stream()
                .map(v -> new Outcome(v.key(), v.status(), v.reasons(), v.findings(),
                        Period.monthOf(v.countsAt()).toString(), id(v.company()))).toList());
    }

    @Override
    public void markOrders(List<OrderVerdict> verdicts) {
        write(RecordKind.ORDER, verdicts.stream()
                .map(v -> new Outcome(v.key(), v.status(), v.reasons(), v.findings(),
                        v.stored().record().paidAt() == null ? "-"
                                : Period.monthOf(v.stored().record().paidAt()).toString(),
                        id(v.seller()))).toList());
    }

    private static String id(Subject subject) {
        return subject == null ? null : subject.id();
    }

    /**
     * Set-based: a chunk's statuses go into {@code record_status} in one upsert — inserting a record's first status,
     * rewriting only those whose status or reasons change, so a period closed again writes what its verdicts
     * changed and nothing else — then one DELETE clears the findings they replace. Row by row, the same work was a
     * statement per record (measured on PostgreSQL: the larger part of a close of 390,000 records).
     */
    private void write(RecordKind kind, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        // one outcome per record, the last as before (a verdict list names a record once)
        Map<String, Outcome> byKey = new LinkedHashMap<>();
        outcomes.forEach(o -> byKey.put(o.naturalKey(), o));
        if (dialect == Dialect.POSTGRESQL) {
            upsertArrays(kind, byKey);
        } else {
            upsertStaged(kind, byKey);
        }
        record Row(Outcome o, Finding f) {}
        List<Row> found = new ArrayList<>();
        outcomes.forEach(o -> o.findings().forEach(f -> found.add(new Row(o, f))));
        jdbc.batchUpdate("INSERT INTO record_finding (kind, natural_key, rule, outcome, reason, period, subject_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", found, BATCH, (ps, r) -> {
                    ps.setString(1, kind.wireName());
                    ps.setString(2, r.o().naturalKey());
                    ps.setString(3, r.f().rule());
                    ps.setString(4, r.f().outcome().name());
                    ps.setString(5, r.f().reason());
                    ps.setString(6, r.o().period());
                    ps.setString(7, r.o().subjectId());
                });
    }
    private static String reasons(Outcome o) {
        return o.reasons().isEmpty() ? null : String.join("; ", o.reasons());
    }

    /**
     * PostgreSQL: the chunk as three arrays, unnested into the upsert. It was staged in a temporary table first,
     * as on SQLite: at 1,003,000 records that cost 3.7 s of the close's 10.2 s of marking (the table's TRUNCATE,
     * COPY and ANALYZE per chunk); marking is 8.4 s this way. Asking first which records have a status and copying
     * the others straight in was no better (docs/operations.md "Database").
     */
    private void upsertArrays(RecordKind kind, Map<String, Outcome> byKey) {
        String[] keys = new String[byKey.size()];
        String[] statuses = new String[keys.length];
        String[] reasons = new String[keys.length];
        int i = 0;
        for (Outcome o : byKey.values()) {
            keys[i] = o.naturalKey();
            statuses[i] = o.status().name();
            reasons[i++] = reasons(o);
        }
        jdbc.update("INSERT INTO record_status (kind, natural_key, status, reasons) SELECT ?, u.natural_key, u.status, "
                + "u.reasons FROM unnest(?::text[], ?::text[], ?::text[]) AS u (natural_key, status, reasons) "
                + UPSERT + "record_status.reasons IS DISTINCT FROM excluded.reasons", ps -> {
                    ps.setString(1, kind.wireName());
                    ps.setArray(2, ps.getConnection().createArrayOf("text", keys));
                    ps.setArray(3, ps.getConnection().createArrayOf("text", statuses));
                    ps.setArray(4, ps.getConnection().createArrayOf("text", reasons));
                });
        Sql.overKeys(dialect, "DELETE FROM record_finding WHERE kind = ? AND natural_key", List.of(kind.wireName()),
                List.of(keys), jdbc::update);
    }

    /**
     * SQLite: the chunk staged in a temporary table, then one upsert and one DELETE from it. SQLite takes no array;
     * asking and deleting in statements of 500 keys each instead took marking from 3.9 s to 5.4 s (1,003,000
     * records).
     */
    private void upsertStaged(RecordKind kind, Map<String, Outcome> byKey) {
        jdbc.execute("CREATE TEMP TABLE IF NOT EXISTS marked_outcome (natural_key VARCHAR(160) PRIMARY KEY, "
                + "status VARCHAR(12) NOT NULL, reasons TEXT)");
        jdbc.execute("DELETE FROM marked_outcome");
        rows.insert("marked_outcome", OUTCOME_COLUMNS, OUTCOME_TYPES, byKey.values().stream()
                .map(o -> new Object[] {o.naturalKey(), o.status().name(), reasons(o)})
                .toList());
        // "WHERE true": without a WHERE, SQLite would parse the upsert's ON CONFLICT as the ON of a join
        jdbc.update("INSERT INTO record_status (kind, natural_key, status, reasons) SELECT ?, natural_key, status, "
                + "reasons FROM marked_outcome WHERE true " + UPSERT + "record_status.reasons IS NOT excluded.reasons",
                kind.wireName());
        jdbc.update("DELETE FROM record_finding WHERE kind = ? AND natural_key IN (SELECT natural_key FROM "
                + "marked_outcome)", kind.wireName());
    }
}

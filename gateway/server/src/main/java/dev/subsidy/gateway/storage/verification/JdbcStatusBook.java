package dev.subsidy.gateway.storage.verification;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.records.RecordStatusJoin;
import dev.subsidy.model.Period;
import dev.subsidy.model.RecordKind;
import dev.subsidy.model.RecordStatus;
import dev.subsidy.model.Shipment;
import dev.subsidy.model.Subject;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.ShipmentVerdict;
import dev.subsidy.verification.StatusBook;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes verification outcomes back, in batches: the statuses other than a plain VERIFIED in {@code record_status},
 * each rule's finding in {@code record_finding}. A record of a closed period without a status row is VERIFIED
 * ({@link RecordStatusJoin}), so a close that verifies most of its records writes a row for few of them: measured,
 * marking took 8.4 s of a PostgreSQL close of 1,003,000 records when every record had its row (docs/operations.md
 * "Database").
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

    /** A record whose status no row would imply: it gets its status row, and its findings. */
    private record Outcome(String naturalKey, RecordStatus status, List<String> reasons, List<Finding> findings,
                           String period, String subjectId) {}

    /**
     * Two statements per kind, each led by the smaller table: the rows of {@code record_status} and
     * {@code record_finding} whose record the period holds. A first close finds none.
     */
    @Override
    public void reopen(Period period) {
        long from = period.start().toEpochMilli();
        long to = period.end().toEpochMilli();
        for (RecordKind kind : RecordKind.values()) {
            String table = kind == RecordKind.SHIPMENT ? "shipment" : "sales_order";
            for (String book : List.of("record_status", "record_finding")) {
                jdbc.update("DELETE FROM " + book + " WHERE kind = ? AND EXISTS (SELECT 1 FROM " + table + " r WHERE "
                        + "r.natural_key = " + book + ".natural_key AND " + RecordStatusJoin.placedIn(kind, "r", from, to)
                        + ")", kind.wireName());
            }
        }
    }

    /**
     * A record whose status is what no row says (VERIFIED, no reasons, and inside the period closed, which its close's
     * bounds say of it) has no findings either: nothing is built for it. Most of a close's records are such; building
     * each one's outcome first, its month's name included, was most of marking.
     */
    @Override
    public void markShipments(Period period, List<ShipmentVerdict> verdicts) {
        List<Outcome> outcomes = new ArrayList<>();
        for (ShipmentVerdict v : verdicts) {
            Shipment s = v.stored().record();
            List<String> reasons = v.reasons();
            if (v.verified() && reasons.isEmpty() && (period.contains(s.collectedAt())
                    || s.deliveredAt() != null && period.contains(s.deliveredAt()))) {
                continue;
            }
            outcomes.add(new Outcome(v.key(), v.status(), reasons, v.findings(), Period.monthOf(v.countsAt()).toString(),
                    id(v.company())));
        }
        write(RecordKind.SHIPMENT, outcomes);
    }

    @Override
    public void markOrders(Period period, List<OrderVerdict> verdicts) {
        List<Outcome> outcomes = new ArrayList<>();
        for (OrderVerdict v : verdicts) {
            Instant paid = v.stored().record().paidAt();
            List<String> reasons = v.reasons();
            if (v.status() == RecordStatus.VERIFIED && reasons.isEmpty() && paid != null && period.contains(paid)) {
                continue;
            }
            outcomes.add(new Outcome(v.key(), v.status(), reasons, v.findings(),
                    paid == null ? "-" : Period.monthOf(paid).toString(), id(v.seller())));
        }
        write(RecordKind.ORDER, outcomes);
    }

    private static String id(Subject subject) {
        return subject == null ? null : subject.id();
    }

    /**
     * Set-based: a chunk's explicit statuses go into {@code record_status} in one upsert, then its findings in one
     * batch; {@link #reopen} has cleared what the period's records held. Row by row, the same work was a statement
     * per record (measured on PostgreSQL: the larger part of a close of 390,000 records).
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
     * as on SQLite: when every record had its row, at 1,003,000 records that cost 3.7 s of the close's 10.2 s of
     * marking (the table's TRUNCATE, COPY and ANALYZE per chunk), and marking was 8.4 s this way.
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
    }

    /**
     * SQLite: the chunk staged in a temporary table, then one upsert from it. SQLite takes no array; statements of
     * 500 keys each instead took marking from 3.9 s to 5.4 s (1,003,000 records, every one with a status row).
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
    }
}

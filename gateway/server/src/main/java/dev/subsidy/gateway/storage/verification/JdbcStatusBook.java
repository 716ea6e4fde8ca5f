package dev.subsidy.gateway.storage.verification;

import dev.subsidy.gateway.storage.Sql;
import dev.subsidy.model.Period;
import dev.subsidy.model.RecordKind;
import dev.subsidy.model.RecordStatus;
import dev.subsidy.model.Subject;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.ShipmentVerdict;
import dev.subsidy.verification.StatusBook;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes verification outcomes back onto the records, in batches: status and reasons on the record,
 * each rule's finding in {@code record_finding} (replacing what the last verification found).
 */
@Component
class JdbcStatusBook implements StatusBook {

    private static final int BATCH = 2000;

    private final JdbcTemplate jdbc;

    JdbcStatusBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Outcome(String naturalKey, RecordStatus status, List<String> reasons, List<Finding> findings,
                           String period, String subjectId) {}

    @Override
    public void markShipments(List<ShipmentVerdict> verdicts) {
        write(RecordKind.SHIPMENT, "shipment", verdicts.stream()
                .map(v -> new Outcome(v.key(), v.status(), v.reasons(), v.findings(),
                        Period.monthOf(v.countsAt()).toString(), id(v.company()))).toList());
    }

    @Override
    public void markOrders(List<OrderVerdict> verdicts) {
        write(RecordKind.ORDER, "sales_order", verdicts.stream()
                .map(v -> new Outcome(v.key(), v.status(), v.reasons(), v.findings(),
                        v.stored().record().paidAt() == null ? "-"
                                : Period.monthOf(v.stored().record().paidAt()).toString(),
                        id(v.seller()))).toList());
    }

    private static String id(Subject subject) {
        return subject == null ? null : subject.id();
    }

    private void write(RecordKind kind, String table, List<Outcome> outcomes) {
        jdbc.batchUpdate("UPDATE " + table + " SET status = ?, reasons = ? WHERE natural_key = ?", outcomes, BATCH,
                (ps, o) -> {
                    ps.setString(1, o.status().name());
                    ps.setString(2, o.reasons().isEmpty() ? null : String.join("; ", o.reasons()));
                    ps.setString(3, o.naturalKey());
                });
        for (List<Outcome> slice : Sql.slices(outcomes, 500)) {
            List<Object> args = new ArrayList<>(slice.size() + 1);
            args.add(kind.wireName());
            slice.forEach(o -> args.add(o.naturalKey()));
            jdbc.update("DELETE FROM record_finding WHERE kind = ? AND natural_key IN (" + Sql.placeholders(slice.size())
                    + ")", args.toArray());
        }
        record Row(Outcome o, Finding f) {}
        List<Row> rows = new ArrayList<>();
        outcomes.forEach(o -> o.findings().forEach(f -> rows.add(new Row(o, f))));
        jdbc.batchUpdate("INSERT INTO record_finding (kind, natural_key, rule, outcome, reason, period, subject_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", rows, BATCH, (ps, r) -> {
                    ps.setString(1, kind.wireName());
                    ps.setString(2, r.o().naturalKey());
                    ps.setString(3, r.f().rule());
                    ps.setString(4, r.f().outcome().name());
                    ps.setString(5, r.f().reason());
                    ps.setString(6, r.o().period());
                    ps.setString(7, r.o().subjectId());
                });
    }
}

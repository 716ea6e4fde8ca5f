package dev.subsidy.gateway.storage.verification;

import dev.subsidy.model.RecordStatus;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.ShipmentVerdict;
import dev.subsidy.verification.StatusBook;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes verification outcomes back onto the records, in batches. */
@Component
class JdbcStatusBook implements StatusBook {

    private final JdbcTemplate jdbc;

    JdbcStatusBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Outcome(String naturalKey, RecordStatus status, List<String> reasons) {}

    @Override
    public void markShipments(List<ShipmentVerdict> verdicts) {
        write("shipment", verdicts.stream()
                .map(v -> new Outcome(v.stored().record().naturalKey(), v.status(), v.reasons())).toList());
    }

    @Override
    public void markOrders(List<OrderVerdict> verdicts) {
        write("sales_order", verdicts.stream()
                .map(v -> new Outcome(v.stored().record().naturalKey(), v.status(), v.reasons())).toList());
    }

    private void write(String table, List<Outcome> outcomes) {
        jdbc.batchUpdate("UPDATE " + table + " SET status = ?, reasons = ? WHERE natural_key = ?", outcomes, 2000,
                (ps, o) -> {
                    ps.setString(1, o.status().name());
                    ps.setString(2, o.reasons().isEmpty() ? null : String.join("; ", o.reasons()));
                    ps.setString(3, o.naturalKey());
                });
    }
}

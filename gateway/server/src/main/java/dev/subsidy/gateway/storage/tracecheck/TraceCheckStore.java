package dev.subsidy.gateway.storage.tracecheck;

import static dev.subsidy.gateway.storage.Sql.millis;

import dev.subsidy.gateway.storage.records.RecordStatusJoin;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.Period;
import dev.subsidy.model.RecordKind;
import dev.subsidy.verification.RecordSource;
import dev.subsidy.verification.TraceCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code trace_check} table (every check kept, the latest holds) and the parcels trace verification
 * chooses from (docs/verification.md "Trace verification").
 */
@Repository
public class TraceCheckStore {

    /**
     * One of a period's claimed e-commerce parcels, as its feed tells it.
     *
     * @param checked whether the carrier was asked about it already (any outcome)
     */
    public record Parcel(String naturalKey, Carrier carrier, String waybillNo, Instant collectedAt, String originRegion,
                         String originSite, boolean checked) {}

    private final JdbcTemplate jdbc;

    public TraceCheckStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The period's shipments (collected or delivered in it) that carry an order, by their own
     * {@code order_ref} or because an order names them among its waybills, and are not REJECTED; in
     * natural-key order. Two queries, whatever the number of parcels.
     */
    public List<Parcel> ecommerceParcels(Period period) {
        long from = period.start().toEpochMilli();
        long to = period.end().toEpochMilli();
        Set<String> named = new HashSet<>();
        // the orders the close links to the period's parcels: paid in the period or in the window before it
        jdbc.query("SELECT waybills FROM sales_order WHERE paid_at >= ? AND paid_at < ? AND waybills IS NOT NULL "
                + "AND waybills <> ''", rs -> {
                    for (String w : rs.getString(1).split(",")) {
                        named.add(w);
                    }
                }, period.start().minus(RecordSource.LINK_WINDOW).toEpochMilli(), to);
        List<Parcel> parcels = new ArrayList<>();
        jdbc.query("SELECT s.natural_key, s.carrier, s.waybill_no, s.collected_at, s.origin_region, s.origin_site, "
                + "s.order_ref, CASE WHEN EXISTS (SELECT 1 FROM trace_check t WHERE t.natural_key = s.natural_key) "
                + "THEN 1 ELSE 0 END AS checked FROM shipment s WHERE "
                + RecordStatusJoin.placedIn(RecordKind.SHIPMENT, "s", from, to) + " AND NOT EXISTS (SELECT 1 FROM record_status st WHERE "
                + "st.kind = 'shipment' AND st.natural_key = s.natural_key AND st.status = 'REJECTED') "
                + "ORDER BY s.natural_key", rs -> {
                    String key = rs.getString("natural_key");
                    if (rs.getString("order_ref") != null || named.contains(key)) {
                        parcels.add(new Parcel(key, Carrier.valueOf(rs.getString("carrier")), rs.getString("waybill_no"),
                                millis(rs, "collected_at"), rs.getString("origin_region"), rs.getString("origin_site"),
                                rs.getInt("checked") == 1));
                    }
                });
        return parcels;
    }

    /** Keeps these checks beside the earlier ones. */
    @Transactional
    public void save(List<TraceCheck> checks) {
        if (checks.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO trace_check (id, natural_key, checked_at, outcome, detail, connector_id) "
                + "VALUES (?, ?, ?, ?, ?, ?)", checks.stream().map(c -> new Object[] {UUID.randomUUID().toString(),
                    c.naturalKey(), c.checkedAt().toEpochMilli(), c.outcome().name(), c.detail(), c.connector()}).toList());
    }

    /** Every check of one parcel, oldest first. */
    public List<TraceCheck> history(String naturalKey) {
        return jdbc.query("SELECT natural_key, checked_at, outcome, detail, connector_id FROM trace_check "
                + "WHERE natural_key = ? ORDER BY checked_at, id", (rs, n) -> new TraceCheck(rs.getString("natural_key"),
                    TraceCheck.Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"), millis(rs, "checked_at"),
                    rs.getString("connector_id")), naturalKey);
    }
}

package dev.subsidy.gateway.storage.countreports;

import dev.subsidy.gateway.countreports.CountReport;
import dev.subsidy.gateway.countreports.CountReportStore;
import dev.subsidy.gateway.storage.Sql;
import dev.subsidy.gateway.storage.records.CollectionDay;
import dev.subsidy.gateway.storage.records.RecordStatusJoin;
import dev.subsidy.model.Metric;
import dev.subsidy.model.Period;
import dev.subsidy.model.RecordKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Count reports (docs/figures.md "Reported totals") and the verified values they are set beside: the
 * published figure of a whole subject, and one aggregate per period over the VERIFIED shipments of the
 * reported sites and the VERIFIED orders of the reported shops.
 */
@Repository
class JdbcCountReportStore implements CountReportStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcCountReportStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void store(List<CountReport> reports) {
        long now = clock.millis();
        jdbc.batchUpdate("""
                INSERT INTO count_report (subject_id, scope, period, metric, source, value, reported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (subject_id, scope, period, metric, source)
                DO UPDATE SET value = excluded.value, reported_at = excluded.reported_at""", reports, 500, (ps, r) -> bind(ps, r, now));
        jdbc.batchUpdate("""
                INSERT INTO count_report_history (subject_id, scope, period, metric, source, value, reported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", reports, 500, (ps, r) -> bind(ps, r, now));
    }

    private static void bind(java.sql.PreparedStatement ps, CountReport r, long now) throws java.sql.SQLException {
        ps.setString(1, r.subjectId());
        ps.setString(2, r.scope().stored());
        ps.setString(3, r.period());
        ps.setString(4, r.metric().name());
        ps.setString(5, r.source());
        ps.setString(6, r.value().toPlainString());
        ps.setLong(7, now);
    }

    @Override
    public List<Stored> find(String period, String subjectId) {
        StringBuilder sql = new StringBuilder("SELECT subject_id, scope, period, metric, source, value, reported_at "
                + "FROM count_report WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (period != null) {
            sql.append(" AND period = ?");
            args.add(period);
        }
        if (subjectId != null) {
            sql.append(" AND subject_id = ?");
            args.add(subjectId);
        }
        sql.append(" ORDER BY period, subject_id, scope, metric, source");
        return jdbc.query(sql.toString(), (rs, n) -> new Stored(new CountReport(rs.getString("subject_id"),
                CountReport.Scope.ofStored(rs.getString("scope")), rs.getString("period"), Metric.valueOf(rs.getString("metric")),
                new BigDecimal(rs.getString("value")), rs.getString("source")), Instant.ofEpochMilli(rs.getLong("reported_at"))),
                args.toArray());
    }

    @Override
    public Map<String, String> figureValues(List<String> figureIds) {
        Map<String, String> out = new HashMap<>();
        for (List<String> slice : Sql.slices(figureIds, 500)) {
            jdbc.query("SELECT figure_id, value FROM figure WHERE figure_id IN (" + Sql.placeholders(slice.size()) + ")",
                    rs -> {
                        out.put(rs.getString("figure_id"), rs.getString("value"));
                    }, slice.toArray());
        }
        return out;
    }

    @Override
    public Map<String, Integer> outboundAtSites(Period period, List<String> sites, List<String> insidePrefixes) {
        Map<String, Integer> out = new HashMap<>();
        List<String> codes = sites.stream().map(s -> s.substring(s.indexOf(':') + 1)).distinct().toList();
        for (List<String> slice : Sql.slices(codes, 500)) {
            List<Object> args = new ArrayList<>(slice);
            args.addAll(insidePrefixes);
            args.addAll(insidePrefixes);
            jdbc.query("SELECT carrier, origin_site, COUNT(*) AS parcels FROM shipment s"
                    + RecordStatusJoin.join(RecordKind.SHIPMENT, "s") + " WHERE "
                    + RecordStatusJoin.status(RecordKind.SHIPMENT, "s") + " = 'VERIFIED' "
                    + "AND " + CollectionDay.collectedIn("s", period.start().toEpochMilli(), period.end().toEpochMilli())
                    + " AND origin_site IN (" + Sql.placeholders(slice.size()) + ") "
                    + "AND (origin_region IS NULL OR " + inside("origin_region", insidePrefixes) + ") "
                    + "AND ((dest_country IS NOT NULL AND dest_country <> 'CN') "
                    + "OR (dest_region IS NOT NULL AND NOT " + inside("dest_region", insidePrefixes) + ")) "
                    + "GROUP BY carrier, origin_site", rs -> {
                        String site = rs.getString("carrier") + ":" + rs.getString("origin_site");
                        if (sites.contains(site)) {
                            out.put(site, rs.getInt("parcels"));
                        }
                    }, args.toArray());
        }
        return out;
    }

    @Override
    public Map<String, List<ShopSales>> salesOfShops(Period period, List<String> shops) {
        Map<String, List<ShopSales>> out = new HashMap<>();
        List<String> ids = shops.stream().map(s -> s.substring(s.indexOf(':') + 1)).distinct().toList();
        for (List<String> slice : Sql.slices(ids, 500)) {
            List<Object> args = new ArrayList<>(List.of(period.start().toEpochMilli(), period.end().toEpochMilli()));
            args.addAll(slice);
            jdbc.query("SELECT platform, shop_id, channel, COUNT(*) AS orders, SUM(amount_fen - refunded_fen) AS net_fen "
                    + "FROM sales_order o" + RecordStatusJoin.join(RecordKind.ORDER, "o") + " WHERE "
                    + RecordStatusJoin.status(RecordKind.ORDER, "o") + " = 'VERIFIED' AND paid_at >= ? AND paid_at < ? "
                    + "AND shop_id IN (" + Sql.placeholders(slice.size()) + ") "
                    + "AND order_status <> 'CANCELLED' AND amount_fen > refunded_fen "
                    + "AND NOT (order_status = 'REFUNDED' AND refunded_fen = 0) "
                    + "GROUP BY platform, shop_id, channel", rs -> {
                        String shop = rs.getString("platform") + ":" + rs.getString("shop_id");
                        if (shops.contains(shop)) {
                            out.computeIfAbsent(shop, k -> new ArrayList<>())
                                    .add(new ShopSales(rs.getString("channel"), rs.getLong("net_fen"), rs.getInt("orders")));
                        }
                    }, args.toArray());
        }
        return out;
    }

    private static String inside(String column, List<String> prefixes) {
        List<String> any = new ArrayList<>();
        for (String prefix : prefixes) {
            any.add("substr(" + column + ", 1, " + prefix.length() + ") = ?");
        }
        return "(" + String.join(" OR ", any) + ")";
    }
}

package dev.subsidy.gateway.storage.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V19 moves the statuses closes wrote on the record rows into {@code record_status}: every status but RECEIVED,
 * with its reasons, for shipments and orders alike; the record rows lose the two columns, on SQLite and
 * PostgreSQL.
 */
class RecordStatusMigrationIT {

    private static final MigratedDatabases DATABASES = new MigratedDatabases("record-status-migration", "18");

    @AfterAll
    static void closeDatabases() {
        DATABASES.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void statusesOtherThanReceivedMoveWithTheirReasons(Database db) {
        JdbcTemplate jdbc = DATABASES.jdbc(db);
        shipment(jdbc, "ZTO:1", "RECEIVED", null);
        shipment(jdbc, "ZTO:2", "VERIFIED", null);
        shipment(jdbc, "ZTO:3", "SUSPECT", "delivered before it was collected; unattributable");
        order(jdbc, "PDD:1", "REJECTED", "shop PDD:s is not registered to any subject");
        order(jdbc, "PDD:2", "RECEIVED", null);

        DATABASES.migrateToLatest(db);

        assertThat(jdbc.query("SELECT kind, natural_key, status, reasons FROM record_status ORDER BY kind, natural_key",
                (rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))).containsExactly(
                        tuple("order", "PDD:1", "REJECTED", "shop PDD:s is not registered to any subject"),
                        tuple("shipment", "ZTO:2", "VERIFIED", null),
                        tuple("shipment", "ZTO:3", "SUSPECT", "delivered before it was collected; unattributable"));
        for (String table : List.of("shipment", "sales_order")) {
            assertThat(jdbc.queryForList("SELECT * FROM " + table).get(0).keySet()).as(table)
                    .doesNotContain("status", "reasons").contains("natural_key");
        }
    }

    private static void shipment(JdbcTemplate jdbc, String key, String status, String reasons) {
        jdbc.update("INSERT INTO shipment (natural_key, carrier, waybill_no, version, versions, updated_at, content_hash, "
                + "collected_at, connector_id, connectors, duplicates, received_at, status, reasons) "
                + "VALUES (?, 'ZTO', ?, 1, 1, 0, 'h', 0, 'feed', 'feed', 0, 0, ?, ?)", key, key, status, reasons);
    }

    private static void order(JdbcTemplate jdbc, String key, String status, String reasons) {
        jdbc.update("INSERT INTO sales_order (natural_key, platform, order_id, version, versions, updated_at, content_hash, "
                + "shop_id, channel, order_status, amount_fen, refunded_fen, currency, cross_border, connector_id, "
                + "connectors, duplicates, received_at, status, reasons) VALUES (?, 'PDD', ?, 1, 1, 0, 'h', 's', 'B2C', "
                + "'PAID', 100, 0, 'CNY', 0, 'feed', 'feed', 0, 0, ?, ?)", key, key, status, reasons);
    }
}

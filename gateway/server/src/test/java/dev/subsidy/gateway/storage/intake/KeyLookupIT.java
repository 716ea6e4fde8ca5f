package dev.subsidy.gateway.storage.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.WriteLock;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.intake.IntakeStore.Counts;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.Shipment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A chunk's keys are found whatever they hold: on PostgreSQL they travel as one text array, whose literal
 * form gives quotes, backslashes, commas, braces, blanks and the word NULL a meaning of their own. Sent
 * again, every one of them must be found and counted a duplicate, never stored twice.
 */
class KeyLookupIT {

    private static final MigratedDatabases DATABASES = new MigratedDatabases("key-lookup");
    private static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");
    private static final List<String> WAYBILLS = List.of("A\"B", "C\\D", "E,F", "{G}", "NULL", "空 格", "H'I");

    @AfterAll
    static void closeSources() {
        DATABASES.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void keysWithCharactersAnArrayLiteralTreatsSpeciallyAreFoundAgain(Database db) {
        JdbcTemplate jdbc = DATABASES.jdbc(db);
        Dialect dialect = Dialect.of(jdbc.getDataSource());
        JdbcIntakeStore store = new JdbcIntakeStore(jdbc, RowWriter.of(dialect, jdbc),
                new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())),
                new WriteLock(jdbc, dialect));
        List<Shipment> parcels = WAYBILLS.stream().map(KeyLookupIT::parcel).toList();

        Counts first = store.inWriteTransaction(() -> store.storeShipments(parcels, "standard", "b1", T0));
        Counts again = store.inWriteTransaction(() -> store.storeShipments(parcels, "standard", "b2", T0));

        assertThat(first).isEqualTo(new Counts(WAYBILLS.size(), 0));
        assertThat(again).isEqualTo(new Counts(0, WAYBILLS.size()));
        assertThat(jdbc.queryForList("SELECT waybill_no FROM shipment WHERE duplicates = 1 ORDER BY waybill_no",
                String.class)).containsExactlyInAnyOrderElementsOf(WAYBILLS);
    }

    private static Shipment parcel(String waybill) {
        return new Shipment(Carrier.ZTO, waybill, T0, "522633", "从江县城", "440106", null, null, null, null, null, null,
                null, null, T0, null, null, null);
    }
}

package dev.subsidy.gateway.storage.figures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.figures.Digest;
import dev.subsidy.figures.MeasuredFigure;
import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RecordingCores;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.model.Evidence;
import dev.subsidy.model.Metric;
import dev.subsidy.model.SubjectType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A figure's keys kept a page of a thousand to a row and read back by position on both databases: any slice,
 * across page boundaries, gives the keys in digest order, whatever characters a key holds; a set kept before
 * the pages (a row per key) still reads as it did.
 */
class FigureKeyPagesStorageIT {

    private static final MigratedDatabases DATABASES = new MigratedDatabases("figure-key-pages");

    @AfterAll
    static void closeSources() {
        DATABASES.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void anySliceOfAKeptSetIsItsKeysInDigestOrder(Database db) {
        JdbcTemplate jdbc = DATABASES.jdbc(db);
        FigureKeyStore store = store(jdbc);
        TreeSet<String> sorted = new TreeSet<>();
        for (int i = 0; i < 2_345; i++) {
            sorted.add(db.name() + ":ZTO:7800" + String.format("%08d", i));
        }
        // what a source's id may hold: a separator of the page's own text, a line feed, a quote, Chinese
        sorted.addAll(List.of(db.name() + ":OTHER:a,b", db.name() + ":OTHER:line\nfeed",
                db.name() + ":OTHER:\"quoted\\\"", db.name() + ":TAOBAO:订单-1"));
        List<String> keys = List.copyOf(sorted);
        MeasuredFigure big = figure("91522633MA6D0KD01Y", keys);
        MeasuredFigure one = figure("91522633MA6D0KD02Y", List.of(db.name() + ":SF:SF1234567890123"));
        new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()))
                .executeWithoutResult(tx -> store.keep(List.of(big, one)));

        String digest = big.evidence().digest();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM figure_key_page WHERE digest = ?", Integer.class, digest))
                .as("pages of a thousand").isEqualTo(3);
        assertThat(store.keys(digest, 0, keys.size())).isEqualTo(keys);
        int[][] slices = {{0, 1}, {999, 1_001}, {1_000, 2_000}, {700, 2_100}, {2_000, keys.size()},
            {keys.size() - 1, keys.size()}, {5, 5}};
        for (int[] slice : slices) {
            assertThat(store.keys(digest, slice[0], slice[1])).as("keys %d to %d", slice[0], slice[1])
                    .isEqualTo(keys.subList(slice[0], slice[1]));
        }
        List<String> paged = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 700) {
            paged.addAll(store.keys(digest, from, Math.min(keys.size(), from + 700)));
        }
        assertThat(Digest.of(paged)).as("the digest recomputed from pages of 700").isEqualTo(digest);
        assertThat(store.keys(one.evidence().digest(), 0, 1)).isEqualTo(one.countedKeys());
        assertThat(store.keys("sha256:none", 0, 10)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aSetKeptARowPerKeyBeforeThePagesStillReads(Database db) {
        JdbcTemplate jdbc = DATABASES.jdbc(db);
        FigureKeyStore store = store(jdbc);
        String digest = "sha256:legacy-" + db.name();
        jdbc.update("INSERT INTO figure_key_set (digest, key_count, kept_at) VALUES (?, 3, 0)", digest);
        for (int position = 0; position < 3; position++) {
            jdbc.update("INSERT INTO figure_key (digest, position, natural_key) VALUES (?, ?, ?)", digest, position,
                    "ZTO:7800000" + position);
        }
        assertThat(store.keys(digest, 1, 3)).containsExactly("ZTO:78000001", "ZTO:78000002");
    }

    private static FigureKeyStore store(JdbcTemplate jdbc) {
        // the pages' JSON made on two threads, as the gateway makes it
        return new FigureKeyStore(jdbc, RowWriter.of(Dialect.of(jdbc.getDataSource()), jdbc), new ObjectMapper(),
                Clock.systemUTC(), new RecordingCores());
    }

    private static MeasuredFigure figure(String subject, List<String> keys) {
        Evidence evidence = new Evidence(keys.size(), 0, 0, 0, List.of("standard"), Digest.of(keys));
        return new MeasuredFigure(MeasuredFigure.idOf(subject, Metric.PARCELS_OUTBOUND, "2026-10"),
                SubjectType.EXPRESS_COMPANY, subject, "某快递", Metric.PARCELS_OUTBOUND, "2026-10",
                Integer.toString(keys.size()), evidence, keys);
    }
}

package dev.subsidy.gateway.storage.figures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.figures.Digest;
import dev.subsidy.figures.MeasuredFigure;
import dev.subsidy.figures.PublishedFigure;
import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RecordingCores;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.model.Evidence;
import dev.subsidy.model.Metric;
import dev.subsidy.model.SubjectType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A close's figures kept on both databases: a month's first close writes every figure new (by COPY on PostgreSQL),
 * a later one writes its new figures and revises the ones the table has, in the same call, each revision kept; and a
 * figure a close left alone stays as it was.
 */
class FigureBookStorageIT {

    private static final MigratedDatabases DATABASES = new MigratedDatabases("figure-book");
    private static final Instant FIRST = Instant.parse("2026-11-01T02:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-11-05T02:00:00Z");

    @AfterAll
    static void closeSources() {
        DATABASES.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void newFiguresAreAddedAndStoredOnesRevisedInOneRecording(Database db) {
        JdbcTemplate jdbc = DATABASES.jdbc(db);
        String period = db == Database.SQLITE ? "2026-10" : "2026-09";
        List<PublishedFigure> first = new ArrayList<>();
        for (int m = 0; m < 1_200; m++) {
            first.add(new PublishedFigure(figure(period, m, 10 + m), 1));
        }
        record(jdbc, FIRST, period, first);

        // a later close: merchant 0 and 1 revised, merchant 5,000 new, the rest untouched
        List<PublishedFigure> later = List.of(new PublishedFigure(figure(period, 0, 99), 2),
                new PublishedFigure(figure(period, 1, 0), 2), new PublishedFigure(figure(period, 5_000, 7), 1));
        record(jdbc, SECOND, period, later);

        Map<String, PublishedFigure> found = book(jdbc, SECOND).find(period, null, null).stream()
                .collect(Collectors.toMap(p -> p.figure().subjectId(), p -> p));
        assertThat(found).hasSize(1_201);
        assertThat(found.get(subject(0))).satisfies(p -> {
            assertThat(p.revision()).isEqualTo(2);
            assertThat(p.figure().value()).isEqualTo("99");
            assertThat(p.figure().evidence()).isEqualTo(figure(period, 0, 99).evidence());
        });
        assertThat(found.get(subject(1)).figure().value()).isEqualTo("0");
        assertThat(found.get(subject(5_000))).satisfies(p -> {
            assertThat(p.revision()).isEqualTo(1);
            assertThat(p.figure().value()).isEqualTo("7");
        });
        assertThat(found.get(subject(2))).satisfies(p -> {
            assertThat(p.revision()).isEqualTo(1);
            assertThat(p.figure().value()).isEqualTo("12");
        });
        assertThat(jdbc.queryForObject("SELECT updated_at FROM figure WHERE figure_id = ?", Long.class,
                figure(period, 0, 0).figureId())).isEqualTo(SECOND.toEpochMilli());
        assertThat(jdbc.queryForObject("SELECT updated_at FROM figure WHERE figure_id = ?", Long.class,
                figure(period, 2, 0).figureId())).as("left alone").isEqualTo(FIRST.toEpochMilli());
        assertThat(jdbc.queryForList("SELECT revision, value FROM figure_revision WHERE figure_id = ? ORDER BY revision",
                figure(period, 0, 0).figureId())).extracting(r -> r.get("value")).containsExactly("10", "99");
    }

    private static void record(JdbcTemplate jdbc, Instant at, String period, List<PublishedFigure> figures) {
        new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()))
                .executeWithoutResult(tx -> book(jdbc, at).record(period, figures));
    }

    private static JdbcFigureBook book(JdbcTemplate jdbc, Instant at) {
        RowWriter rows = RowWriter.of(Dialect.of(jdbc.getDataSource()), jdbc);
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        return new JdbcFigureBook(jdbc, rows, new ObjectMapper(), clock,
                new FigureKeyStore(jdbc, rows, new ObjectMapper(), clock, new RecordingCores()), new RecordingCores());
    }

    private static String subject(int m) {
        return "MERCHANT-" + m;
    }

    private static MeasuredFigure figure(String period, int m, int orders) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            keys.add("TAOBAO:" + m + "-" + i);
        }
        Evidence evidence = new Evidence(orders, 0, 0, 0, List.of("standard"), Digest.of(keys));
        return new MeasuredFigure(MeasuredFigure.idOf(subject(m), Metric.ORDERS, period), SubjectType.MERCHANT,
                subject(m), "商户" + m, Metric.ORDERS, period, Integer.toString(orders), evidence, keys);
    }
}

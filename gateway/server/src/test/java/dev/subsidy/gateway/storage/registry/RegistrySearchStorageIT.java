package dev.subsidy.gateway.storage.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
/**
 * The registry search's SQL on both databases the gateway runs on, migrated by the gateway's own
 * migrations: text in the id or the name without regard to case, LIKE's own characters taken literally,
 * type, a region covering the codes below it, and pages in id order with the total of all of them.
 */
class RegistrySearchStorageIT {

    private static final Map<Database, RegistryStore> STORES = new EnumMap<>(Database.class);
    private static final MigratedDatabases DATABASES = new MigratedDatabases("registry-search");

    private static final List<Subject> SUBJECTS = List.of(
            subject("S-01", SubjectType.MERCHANT, "从江香猪 Shop", "522633101"),
            subject("S-02", SubjectType.MERCHANT, "折扣100%店", "522633102"),
            subject("S-03", SubjectType.STATION, "A_B 服务站", "522633101001"),
            subject("S-04", SubjectType.EXPRESS_COMPANY, "黎平快递", "522631"),
            subject("S-05", SubjectType.MERCHANT, "凯里 SHOP 二", "522601"),
            subject("T-522633101", SubjectType.TOWN, "丙妹镇", "522633101"));

    private static Subject subject(String id, SubjectType type, String name, String region) {
        return new Subject(id, type, name, region, null, null, null, Set.of(), Map.of("note", name));
    }

    private static synchronized RegistryStore store(Database db) {
        return STORES.computeIfAbsent(db, d -> {
            RegistryStore store = new RegistryStore(DATABASES.jdbc(d), JsonMapper.builder().findAndAddModules().build(),
                    Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC));
            store.upsert(SUBJECTS);
            return store;
        });
    }

    @AfterAll
    static void closeSources() {
        DATABASES.close();
    }

    private static List<String> ids(RegistryStore.Page page) {
        return page.items().stream().map(Subject::id).toList();
    }

    private static RegistryStore.Page find(Database db, String text, SubjectType type, String prefix) {
        return store(db).search(new RegistryStore.Search(text, type, prefix), 0, 50);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void textIsFoundInTheIdOrTheNameWithoutRegardToCase(Database db) {
        assertThat(ids(find(db, "shop", null, null))).containsExactly("S-01", "S-05");
        assertThat(ids(find(db, "t-5226", null, null))).containsExactly("T-522633101");
        assertThat(ids(find(db, "香猪", null, null))).containsExactly("S-01");
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void percentAndUnderscoreAreMatchedAsThemselves(Database db) {
        assertThat(ids(find(db, "100%", null, null))).containsExactly("S-02");
        assertThat(ids(find(db, "_", null, null))).containsExactly("S-03");
        assertThat(ids(find(db, "%", null, null))).containsExactly("S-02");
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aRegionPrefixFindsTheSubjectsRegisteredAtOrBelowIt(Database db) {
        assertThat(ids(find(db, null, null, "522633"))).containsExactly("S-01", "S-02", "S-03", "T-522633101");
        assertThat(ids(find(db, null, null, "522633101"))).containsExactly("S-01", "S-03", "T-522633101");
        assertThat(ids(find(db, null, null, "5226"))).hasSize(6);
        assertThat(ids(find(db, null, null, "5227"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void filtersCombineAndTheSubjectComesBackWithItsAttributes(Database db) {
        RegistryStore.Page page = find(db, "shop", SubjectType.MERCHANT, "522633");

        assertThat(page.total()).isEqualTo(1);
        assertThat(page.items()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("S-01");
            assertThat(s.attributes()).containsEntry("note", "从江香猪 Shop");
        });
        assertThat(ids(find(db, null, SubjectType.STATION, null))).containsExactly("S-03");
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void pagesFollowTheIdOrderAndEachCarriesTheTotal(Database db) {
        RegistryStore.Search all = new RegistryStore.Search(null, null, "5226");

        RegistryStore.Page first = store(db).search(all, 0, 4);
        RegistryStore.Page second = store(db).search(all, 1, 4);
        RegistryStore.Page past = store(db).search(all, 2, 4);

        assertThat(ids(first)).containsExactly("S-01", "S-02", "S-03", "S-04");
        assertThat(ids(second)).containsExactly("S-05", "T-522633101");
        assertThat(past.items()).isEmpty();
        assertThat(List.of(first.total(), second.total(), past.total())).containsOnly(6L);
    }
}

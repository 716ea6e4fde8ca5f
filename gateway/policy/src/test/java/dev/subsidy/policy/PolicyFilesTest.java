package dev.subsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PolicyFilesTest {

    /** Every id of the five seed documents, as docs/policy-readings.md lists them. */
    static final List<String> POLICY_IDS = List.of(
            "xj-express-parcel", "xj-logistics-hq", "xj-sales-milestone", "xj-bakery", "xj-small-shop",
            "gz-b2b", "gz-b2c", "gz-c2c", "gz-agri", "gz-no-double",
            "aq-attracted", "aq-platform-members", "aq-small-firm", "aq-large-firm", "aq-rural",
            "aq-cross-border-parcel", "aq-park-tenant", "aq-training", "aq-graduate", "aq-no-double",
            "ml-logistics-centre", "ml-local-products", "ml-poor-household-shop", "ml-village-station",
            "ml-local-sales-first", "ml-town-ranking",
            "cj-express-parcel", "cj-shop");

    @Test
    void the_five_files_load_without_problems() {
        List<Policy> policies = new PolicyLoader().loadDirectory(PolicyFiles.dir());

        assertThat(policies).extracting(Policy::id)
                .containsExactly("anqing-2018", "congjiang-2015", "ganzhou-2015", "miluo-2017", "xinjiang-2015");
    }

    @Test
    void every_id_of_policies_md_is_configured_as_a_rule_or_a_provision() {
        List<Policy> policies = new PolicyLoader().loadDirectory(PolicyFiles.dir());
        List<String> configured = policies.stream()
                .flatMap(p -> Stream.concat(p.rules().stream().map(Rule::id), p.provisions().stream().map(Provision::id)))
                .toList();

        assertThat(POLICY_IDS).hasSize(28);
        // ml-local-sales-first's "not stacked with 3 and 7" is a provision of its own beside the rule.
        assertThat(configured).containsAll(POLICY_IDS);
    }

    @Test
    void each_file_cites_its_document_and_the_page_that_explains_its_readings_in_its_header() throws Exception {
        for (String file : List.of("xinjiang.yml:信江新区管委会", "ganzhou.yml:赣市府发〔2015〕2号", "anqing.yml:安庆市人民政府, 2018-08-17",
                "miluo.yml:汨政办发〔2017〕45号", "congjiang.yml:从江县人民政府办公室, 2015-10-29")) {
            String[] parts = file.split(":");
            String header = java.nio.file.Files.readString(PolicyFiles.dir().resolve(parts[0])).lines().limit(5)
                    .reduce("", String::concat);
            assertThat(header).as(parts[0]).contains("Source: " + parts[1]).contains("docs/policy-readings.md");
        }
    }
}

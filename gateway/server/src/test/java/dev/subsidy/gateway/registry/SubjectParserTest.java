package dev.subsidy.gateway.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.gateway.support.CongjiangFixture;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.Platform;
import dev.subsidy.model.SizeClass;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SubjectParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 3);

    private final SubjectParser parser = new SubjectParser(TODAY);

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private SubjectParser.Parsed parse(String text) {
        return parser.parse(json(text), SubjectParser.Source.JSON);
    }

    private static String merchant(String extra) {
        return """
            {"type": "MERCHANT", "id": "%s", "name": "从江香禾茶叶店", "region": "522633100"%s}"""
                .formatted(CongjiangFixture.MERCHANT_TEA, extra);
    }

    @Test
    void everyEntryOfTheFixtureRegistryIsValidWithoutWarnings() throws JsonProcessingException {
        ArrayNode all = (ArrayNode) JSON.readTree(CongjiangFixture.registryJson());
        all.forEach(entry -> {
            SubjectParser.Parsed p = parser.parse((ObjectNode) entry, SubjectParser.Source.JSON);
            assertThat(p.problems()).as(entry.toString()).isEmpty();
            assertThat(p.warnings()).as(entry.toString()).isEmpty();
            assertThat(p.subject().id()).isEqualTo(entry.get("id").asText());
        });
    }

    @Test
    void aFullSubjectIsReadWithEveryField() {
        SubjectParser.Parsed p = parse("""
            {"type": "express_company", "id": "%s", "name": " 从江中通快递有限公司 ", "region": "522633100",
             "registeredOn": "2019-03-01", "taxRegistered": true, "sizeClass": "below", "categories": ["local_product"],
             "carriers": ["ZTO", "yunda"], "sites": [{"carrier": "ZTO", "siteCode": "CJ-ZTO-01", "region": "522633100"}],
             "shops": [{"platform": "TAOBAO", "shopId": "西山腊肉坊"}],
             "attributes": {"regionalHub": "true", "graduationYear": 2015, "ecommerceCity": true}}"""
                .formatted(CongjiangFixture.ZTO_COMPANY));
        assertThat(p.problems()).isEmpty();
        Subject s = p.subject();
        assertThat(s.type()).isEqualTo(SubjectType.EXPRESS_COMPANY);
        assertThat(s.name()).isEqualTo("从江中通快递有限公司");
        assertThat(s.registeredOn()).isEqualTo(LocalDate.of(2019, 3, 1));
        assertThat(s.taxRegistered()).isTrue();
        assertThat(s.sizeClass()).isEqualTo(SizeClass.BELOW);
        assertThat(s.categories()).containsExactly("LOCAL_PRODUCT");
        assertThat(s.carriers()).containsExactly(Carrier.ZTO, Carrier.YUNDA);
        assertThat(s.sites()).containsExactly(new Subject.Site(Carrier.ZTO, "CJ-ZTO-01", "522633100"));
        assertThat(s.shops()).containsExactly(new Subject.Shop(Platform.TAOBAO, "西山腊肉坊"));
        assertThat(s.attributes()).containsEntry("graduationYear", "2015").containsEntry("ecommerceCity", "true");
    }

    @Test
    void shopIdsAndSiteCodesAreKeptInTheFormRecordsUse() {
        SubjectParser.Parsed p = parse(merchant("""
            , "shops": [{"platform": "TAOBAO", "shopId": "ｔｅａ－００１"}]"""));
        assertThat(p.problems()).isEmpty();
        assertThat(p.subject().shops()).containsExactly(new Subject.Shop(Platform.TAOBAO, "tea-001"));
        SubjectParser.Parsed company = parse("""
            {"type": "EXPRESS_COMPANY", "id": "%s", "name": "从江中通快递有限公司", "region": "522633100",
             "sites": [{"carrier": "ZTO", "siteCode": "ＣＪ－ＺＴＯ－０１", "region": "522633100"}]}"""
                .formatted(CongjiangFixture.ZTO_COMPANY));
        assertThat(company.problems()).isEmpty();
        assertThat(company.subject().sites()).containsExactly(new Subject.Site(Carrier.ZTO, "CJ-ZTO-01", "522633100"));
    }

    @Test
    void firmsAreKnownByACreditCodeOthersByAnAdministratorsId() {
        assertThat(parse("""
            {"type": "MERCHANT", "id": "m-17", "name": "某网店", "region": "522633100"}""").problems())
                .containsExactly("id: 'm-17' is not the unified social credit code a merchant is known by: "
                        + "a unified social credit code has 18 characters, this has 4");
        assertThat(parse("""
            {"type": "EXPRESS_COMPANY", "id": "91350200776O49653A", "name": "某快递", "region": "350200"}""").problems())
                .containsExactly("id: '91350200776O49653A' is not the unified social credit code a express company is "
                        + "known by: character 12 is 'O', a letter GB 32100 leaves out (no I, O, S, V or Z)");
        SubjectParser.Parsed station = parse("""
            {"type": "STATION", "id": "CJ-STATION-ZHANLI", "name": "高增乡占里村电商服务站", "region": "522633200"}""");
        assertThat(station.problems()).isEmpty();
        assertThat(station.subject().id()).isEqualTo("CJ-STATION-ZHANLI");
        assertThat(parse("""
            {"type": "TOWN", "id": "522633100", "name": "丙妹镇", "region": "522633100"}""").problems()).isEmpty();
    }

    @Test
    void aCodeFailingItsCheckIsKeptWithAWarningForAPersonToLookAt() {
        SubjectParser.Parsed p = parse("""
            {"type": "MERCHANT", "id": "91350203M0001QAY9B", "name": "校验位不对的真实企业", "region": "350203"}""");
        assertThat(p.problems()).isEmpty();
        assertThat(p.subject()).isNotNull();
        assertThat(p.warnings()).singleElement().asString()
                .startsWith("id 91350203M0001QAY9B fails the credit code check: check character is 'B'");
        // a logistics centre may use a credit code too, checked the same way
        assertThat(parse("""
            {"type": "LOGISTICS_CENTRE", "id": "91350203M0001QAY9B", "name": "中心", "region": "350203"}""").warnings())
                .hasSize(1);
    }

    @Test
    void idsAreNormalisedSoFullWidthAndLowerCaseCodesNameTheSameFirm() {
        SubjectParser.Parsed p = parse("""
            {"type": "MERCHANT", "id": " ９２５２２６３３ｍａ６ｄ０ｍ００１ｇ ", "name": "从江香禾茶叶店", "region": "522633100"}""");
        assertThat(p.problems()).isEmpty();
        assertThat(p.id()).isEqualTo(CongjiangFixture.MERCHANT_TEA);
        assertThat(p.subject().id()).isEqualTo(CongjiangFixture.MERCHANT_TEA);
        assertThat(SubjectParser.normaliseId("cj-station-zhanli")).isEqualTo("cj-station-zhanli");
    }

    @Test
    void idsAndNamesHoldNoInvisibleCharactersAndHaveBoundedLengths() {
        assertThat(parse("""
            {"type": "STATION", "id": "CJ\\u202eSTATION", "name": "服务站", "region": "522633200"}""").problems())
                .containsExactly("id: holds U+202E (a bidirectional control) at character 3, which no name or code may hold");
        assertThat(parse("""
            {"type": "STATION", "id": "CJ-STATION", "name": "服务\\u200b站", "region": "522633200"}""").problems())
                .containsExactly("name: holds U+200B (an invisible format character) at character 3, which no name or code may hold");
        assertThat(parse("""
            {"type": "STATION", "id": "CJ-STATION", "name": "服务\\n站", "region": "522633200"}""").problems())
                .containsExactly("name: holds U+000A (a control character) at character 3, which no name or code may hold");
        String longId = "S".repeat(65);
        assertThat(parse("""
            {"type": "STATION", "id": "%s", "name": "%s", "region": "522633200"}""".formatted(longId, "站".repeat(101))).problems())
                .containsExactly("id: '" + "S".repeat(40) + "…' (65 characters) is longer than 64 characters",
                        "name: 101 characters, at most 100");
        assertThat(parse("""
            {"type": "STATION", "id": "CJ/../STATION", "name": "站", "region": "522633200"}""").problems())
                .containsExactly("id: 'CJ/../STATION' may hold only letters, digits, '.', '-' and '_', beginning with a letter or digit");
        assertThat(parse("""
            {"type": "STATION", "id": "%s", "name": "站", "region": "522633200"}""".formatted("S".repeat(64))).problems()).isEmpty();
    }

    @Test
    void registrationDatesLieBetweenTheFoundingAndToday() {
        assertThat(parse(merchant(", \"registeredOn\": \"9999-12-31\"")).problems())
                .containsExactly("registeredOn: 9999-12-31 is in the future (today is 2026-11-03 in China)");
        assertThat(parse(merchant(", \"registeredOn\": \"2026-11-04\"")).problems()).hasSize(1);
        assertThat(parse(merchant(", \"registeredOn\": \"2026-11-03\"")).problems()).isEmpty();
        assertThat(parse(merchant(", \"registeredOn\": \"1949-10-01\"")).problems()).isEmpty();
        assertThat(parse(merchant(", \"registeredOn\": \"1949-09-30\"")).problems())
                .containsExactly("registeredOn: 1949-09-30 is before 1949-10-01, where the registers begin");
        assertThat(parse(merchant(", \"registeredOn\": \"2019-02-30\"")).problems())
                .containsExactly("registeredOn: '2019-02-30' is not a date (yyyy-MM-dd)");
        assertThat(parse(merchant(", \"registeredOn\": \"+12019-02-03\"")).problems()).hasSize(1);
    }

    @Test
    void jsonValuesHaveJsonsOwnTypes() {
        assertThat(parse(merchant(", \"taxRegistered\": \"yes\"")).problems())
                .containsExactly("taxRegistered: must be true or false (a JSON boolean), not text");
        assertThat(parse(merchant(", \"taxRegistered\": 1")).problems())
                .containsExactly("taxRegistered: must be true or false (a JSON boolean), not a number");
        assertThat(parse(merchant(", \"taxRegistered\": false")).subject().taxRegistered()).isFalse();
        assertThat(parse("""
            {"type": "TOWN", "id": "522633100", "name": "丙妹镇", "region": 522633100}""").problems())
                .containsExactly("region: must be text (a JSON string), not a number");
        assertThat(parse(merchant(", \"categories\": \"AGRICULTURAL;LOCAL_PRODUCT\"")).problems())
                .containsExactly("categories: must be a list (a JSON array), not text");
        assertThat(parse(merchant(", \"carriers\": [\"ZTO\", 7]")).problems())
                .containsExactly("carriers: items must be text (JSON strings), not a number");
        assertThat(parse(merchant(", \"attributes\": {\"park\": [\"A\"]}")).problems())
                .containsExactly("attributes.'park': must be text, a number or true/false");
    }

    @Test
    void csvCellsAreTextAndKeepTheirWords() {
        ObjectNode row = json(merchant(", \"taxRegistered\": \"是\", \"categories\": [\"AGRICULTURAL\"]"));
        SubjectParser.Parsed p = parser.parse(row, SubjectParser.Source.CSV);
        assertThat(p.problems()).isEmpty();
        assertThat(p.subject().taxRegistered()).isTrue();
        assertThat(parser.parse(json(merchant(", \"taxRegistered\": \"maybe\"")), SubjectParser.Source.CSV).problems())
                .containsExactly("taxRegistered: 'maybe' is not true or false");
    }

    @Test
    void unknownFieldsAreNamedInsteadOfIgnored() {
        assertThat(parse(merchant(", \"registerdOn\": \"2019-03-01\"")).problems())
                .containsExactly("unknown field 'registerdOn' (known: attributes, carriers, categories, id, name, region, "
                        + "registeredOn, shops, sites, sizeClass, taxRegistered, type)");
        assertThat(parse(merchant(", \"shops\": [{\"platform\": \"TAOBAO\", \"shopId\": \"a\", \"owner\": \"b\"}]")).problems())
                .containsExactly("shops: unknown field 'owner' (known: platform, shopId)");
    }

    @Test
    void everyProblemOfAnEntryIsReportedAtOnceAndTheIdStillRead() {
        SubjectParser.Parsed p = parse("""
            {"type": "SHOP", "id": "x-1", "region": "12", "sizeClass": "HUGE",
             "shops": [{"platform": "EBAY", "shopId": "%s"}], "sites": [{"carrier": "ZTO"}]}""".formatted("s".repeat(129)));
        assertThat(p.subject()).isNull();
        assertThat(p.id()).isEqualTo("x-1");
        assertThat(p.problems()).hasSize(7)
                .anySatisfy(m -> assertThat(m).startsWith("type: unknown value 'SHOP'"))
                .contains("name: missing", "region: '12' is not a division code of 6, 9 or 12 digits",
                        "shops: shopId: 129 characters, at most 128", "sites: siteCode: missing")
                .anySatisfy(m -> assertThat(m).startsWith("sizeClass: unknown value 'HUGE'"))
                .anySatisfy(m -> assertThat(m).startsWith("shops: platform: unknown value 'EBAY'"));
    }
}

package dev.subsidy.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CarrierTest {

    @ParameterizedTest
    @CsvSource({
        "中通快递, ZTO", "中通快运, ZTO", "zhongtong, ZTO", "ZTO, ZTO", "顺丰速运, SF", "SF Express, SF",
        "sf-express, SF", "YD, YUNDA", "J&T Express, JT", "极兔速递, JT", "京东物流, JD", "JDL, JD",
        "中国邮政, EMS", "EMS经济快递, EMS", "china post, EMS", "菜鸟速递, CAINIAO", "DBL, DEPPON", "德邦快递, DEPPON",
        "'  yto ', YTO", "某某同城快送, OTHER", "xyz, OTHER", "OTHER, OTHER"})
    void partnersNamesFindTheStandardCarrier(String name, Carrier expected) {
        assertThat(Carrier.fromPartnerName(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Carrier.class)
    void everyCarrierIsFoundByItsOwnNamesAndCode(Carrier carrier) {
        assertThat(Carrier.fromPartnerName(carrier.name())).isEqualTo(carrier);
        assertThat(Carrier.fromPartnerName(carrier.pinyin())).isEqualTo(carrier);
        if (carrier != Carrier.OTHER) {
            assertThat(Carrier.fromPartnerName(carrier.chineseName())).isEqualTo(carrier);
        }
    }
}

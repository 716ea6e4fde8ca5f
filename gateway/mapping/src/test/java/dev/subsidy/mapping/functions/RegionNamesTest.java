package dev.subsidy.mapping.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionNamesTest {

    @ParameterizedTest
    @CsvSource({
        "广州市, 440100",
        "广州, 440100",
        "广东省广州市天河区, 440106",
        "天河区, 440106",
        "从江县, 522633",
        "黔东南苗族侗族自治州从江县, 522633",
        "广东省, 440000",
        "北京市朝阳区, 110105",
        "吉林省长春市朝阳区, 220104",
        "杭州市西湖区, 330106",
        "贵州省凯里市, 522601",
    })
    void namesResolveToTheMostSpecificUnambiguousCode(String text, String code) {
        assertThat(RegionNames.table().code(text)).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "火星", "中转部"})
    void textThatNamesNoPlaceResolvesToNothing(String text) {
        assertThat(RegionNames.table().code(text)).isNull();
    }

    @org.junit.jupiter.api.Test
    void aCountyNameSeveralCitiesShareNeedsItsCity() {
        // 朝阳区 is in Beijing and in Changchun: alone it names no single county
        assertThat(RegionNames.table().code("朝阳区")).isNull();
    }
}

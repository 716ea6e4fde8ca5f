package dev.subsidy.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JurisdictionTest {

    @Test
    void aCountyCodeCoversItsTownsAndVillages() {
        Jurisdiction congjiang = new Jurisdiction("从江县", List.of("522633"));
        assertThat(congjiang.contains("522633")).isTrue();
        assertThat(congjiang.contains("522633101")).isTrue();
        assertThat(congjiang.contains("522633101201")).isTrue();
        assertThat(congjiang.contains("522632")).isFalse();
        assertThat(congjiang.contains("440106")).isFalse();
        assertThat(congjiang.contains(null)).isFalse();
    }

    @Test
    void provinceAndPrefectureCodesCoverEverythingBelowThem() {
        Jurisdiction jiangxi = new Jurisdiction("江西省", List.of("360000"));
        assertThat(jiangxi.contains("360602")).isTrue();
        assertThat(jiangxi.contains("360602001")).isTrue();
        assertThat(jiangxi.contains("350200")).isFalse();
        Jurisdiction yingtan = new Jurisdiction("鹰潭市", List.of("360600"));
        assertThat(yingtan.contains("360681")).isTrue();
        assertThat(yingtan.contains("360700")).isFalse();
    }

    @Test
    void aSetOfTownCodesCoversOnlyThoseTowns() {
        // 信江新区 has no county code of its own: it is configured as town codes
        Jurisdiction xinjiang = new Jurisdiction("信江新区", List.of("360602100", "360602101"));
        assertThat(xinjiang.contains("360602100")).isTrue();
        assertThat(xinjiang.contains("360602100203")).isTrue();
        assertThat(xinjiang.contains("360602102")).isFalse();
        assertThat(xinjiang.contains("360602")).isFalse();
    }

    @Test
    void badCodesInTheSettingsStopTheGateway() {
        assertThatThrownBy(() -> new Jurisdiction("x", List.of("52263"))).hasMessageContaining("52263");
    }

    @org.junit.jupiter.api.Test
    void aCoarserCodeCoveringPartOfTheJurisdictionIsNotCertainlyOutside() {
        Jurisdiction congjiang = new Jurisdiction("从江县", List.of("522633"));

        org.assertj.core.api.Assertions.assertThat(congjiang.certainlyOutside("522600")).isFalse();
        org.assertj.core.api.Assertions.assertThat(congjiang.certainlyOutside("520000")).isFalse();
        org.assertj.core.api.Assertions.assertThat(congjiang.certainlyOutside("522633101")).isFalse();
        org.assertj.core.api.Assertions.assertThat(congjiang.certainlyOutside(null)).isFalse();
        org.assertj.core.api.Assertions.assertThat(congjiang.certainlyOutside("522601")).isTrue();
        org.assertj.core.api.Assertions.assertThat(congjiang.certainlyOutside("440106")).isTrue();
    }
}

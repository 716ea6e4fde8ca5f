package dev.subsidy.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"522633", "522633100", "522633100201", "000000", "999999999"})
    void sixNineOrTwelveAsciiDigitsAreACode(String code) {
        assertThat(RegionCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "52263", "5226331", "52263310", "5226331002", "52263310020", "5226331002011",
        // digits of other scripts are digits to Character.isDigit, not to a region code: full-width, Arabic-Indic
        "５２２６３３", "٥٢٢٦٣٣", "52263a", "522 33", "52263\n", "+52263", "-52263", "522633 "})
    void anythingElseIsNot(String code) {
        assertThat(RegionCode.isValid(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"522633", "520000", "522600", "522633101"})
    void aCodeCoversItselfAndWhatLiesBelowIt(String code) {
        assertThat(RegionCode.covers(code, code)).isTrue();
        assertThat(RegionCode.covers(code, code + "001")).isTrue();
        assertThat(RegionCode.covers("522633", "522634")).isFalse();
        assertThat(RegionCode.covers("520000", "530101")).isFalse();
    }
}

package dev.subsidy.connector.signers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One rule of Douyin's SDK rewriting per test; the combined case is pinned by {@link OfficialSdkVectorsTest}. */
class DoudianParamJsonTest {

    @Test
    void keysAreSortedByCodeUnitAtEveryObjectLevelAndWhitespaceGoes() {
        assertThat(DoudianParamJson.signedText(" { \"b\" : 1 , \"a\" : { \"d\" : true , \"C\" : null } , \"_\" : \"x\" } "))
                .isEqualTo("{\"_\":\"x\",\"a\":{\"C\":null,\"d\":true},\"b\":1}");
    }

    @Test
    void anArrayStartingWithAnObjectKeepsOnlyItsObjectsEachSorted() {
        assertThat(DoudianParamJson.signedText("{\"l\":[{\"b\":1,\"a\":2},3,\"s\",null,[4],{\"d\":1,\"c\":2}]}"))
                .isEqualTo("{\"l\":[{\"a\":2,\"b\":1},{\"c\":2,\"d\":1}]}");
    }

    @Test
    void otherArraysAndNestedArraysAreWrittenAsReceived() {
        assertThat(DoudianParamJson.signedText("{\"l\":[1,{\"b\":1,\"a\":2}],\"n\":[[{\"b\":1,\"a\":2}]],\"e\":[]}"))
                .isEqualTo("{\"e\":[],\"l\":[1,{\"b\":1,\"a\":2}],\"n\":[[{\"b\":1,\"a\":2}]]}");
    }

    @Test
    void stringsAreEscapedAsGsonEscapesThem() {
        assertThat(DoudianParamJson.signedText("{\"k<\":\"= & < > ' \\\" \\\\ \\/ 店 \\u0001 \\b\\f\\n\\r\\t \\u2028\"}"))
                .isEqualTo("{\"k\\u003c\":\"\\u003d \\u0026 \\u003c \\u003e \\u0027 \\\" \\\\ / 店 \\u0001 \\b\\f\\n\\r\\t \\u2028\"}");
    }

    @Test
    void numbersKeepTheirText() {
        assertThat(DoudianParamJson.signedText("{\"n\":[1.50,-0,1e5,1E+2,-12.0e-3,123456789012345678901234567890]}"))
                .isEqualTo("{\"n\":[1.50,-0,1e5,1E+2,-12.0e-3,123456789012345678901234567890]}");
    }

    @Test
    void anythingButOneStrictJsonObjectIsRefusedWithThePlace() {
        assertThatThrownBy(() -> DoudianParamJson.signedText("[1]")).hasMessage("param_json must be a JSON object");
        assertThatThrownBy(() -> DoudianParamJson.signedText("{\"a\":1,\"a\":2}")).hasMessageContaining("repeated");
        assertThatThrownBy(() -> DoudianParamJson.signedText("{\"a\":1} x")).hasMessageContaining("after the value");
        assertThatThrownBy(() -> DoudianParamJson.signedText("{\"a\":}")).hasMessageContaining("unexpected character");
        assertThatThrownBy(() -> DoudianParamJson.signedText("{\"a\":\"open")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> DoudianParamJson.signedText("{\"a\":007}")).hasMessageContaining("offset");
        assertThatThrownBy(() -> DoudianParamJson.signedText("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"))
                .hasMessageContaining("nested deeper");
    }
}

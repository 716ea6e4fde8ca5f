package dev.subsidy.connector.signers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void sortsKeysAtEveryLevelAndDropsWhitespace() {
        assertThat(CanonicalJson.canonical(" { \"b\" : [ {\"y\":1,\"x\":2} , true, null ], \"a\" : -1.50e+3 } "))
                .isEqualTo("{\"a\":-1.50e+3,\"b\":[{\"x\":2,\"y\":1},true,null]}");
        assertThat(CanonicalJson.canonical("{}")).isEqualTo("{}");
        assertThat(CanonicalJson.canonical("[ ]")).isEqualTo("[]");
    }

    @Test
    void reEscapesStringsMinimally() {
        assertThat(CanonicalJson.canonical("{\"addr\":\"\\u5e97 \\\"A\\\"\\/\\n\",\"k\\u0031\":\"\\u0001\"}"))
                .isEqualTo("{\"addr\":\"店 \\\"A\\\"/\\n\",\"k1\":\"\\u0001\"}");
    }

    @Test
    void refusesWhatIsNotOneJsonValue() {
        assertThatThrownBy(() -> CanonicalJson.canonical("{\"a\":1,\"a\":2}")).hasMessageContaining("repeated");
        assertThatThrownBy(() -> CanonicalJson.canonical("{\"a\":1} x")).hasMessageContaining("after the value");
        assertThatThrownBy(() -> CanonicalJson.canonical("{\"a\":}")).hasMessageContaining("unexpected character");
        assertThatThrownBy(() -> CanonicalJson.canonical("{\"a\":\"open")).hasMessageContaining("unterminated");
    }
}

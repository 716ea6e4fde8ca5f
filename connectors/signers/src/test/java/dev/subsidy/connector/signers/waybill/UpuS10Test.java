package dev.subsidy.connector.signers.waybill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpuS10Test {

    @Test
    void thePublishedExampleIsValid() {
        // 1·8 + 2·6 + 3·4 + 4·2 + 5·3 + 6·5 + 7·9 + 8·7 = 204; 204 mod 11 = 6; 11 − 6 = 5
        assertThat(UpuS10.checkDigit("12345678")).isEqualTo(5);
        assertThat(UpuS10.isValid("RB123456785GB")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RB123456784GB", "RB123456875GB", "RB12345678GB", "rb123456785gb", "RB 123456785GB", "12123456785GB", ""})
    void corruptedOrMisshapenIdentifiersAreInvalid(String id) {
        assertThat(UpuS10.isValid(id)).isFalse();
    }

    @Test
    void remaindersOfZeroAndOneMapToFiveAndZero() {
        // sum 0 → c = 11 → 5
        assertThat(UpuS10.checkDigit("00000000")).isEqualTo(5);
        // 0,0,0,0,0,0,0,1 → sum 7 → c = 4; 0,0,0,0,0,0,5,0 → sum 45 → 45 mod 11 = 1 → c = 10 → 0
        assertThat(UpuS10.checkDigit("00000001")).isEqualTo(4);
        assertThat(UpuS10.checkDigit("00000050")).isEqualTo(0);
        assertThat(UpuS10.isValid("EE000000505CN")).isFalse();
        assertThat(UpuS10.isValid("EE000000500CN")).isTrue();
        assertThatThrownBy(() -> UpuS10.checkDigit("1234567")).hasMessageContaining("eight digits");
    }
}

package dev.subsidy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WaybillShapeTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "SF, SF1234567890123", "SF, 123456789012",
            "ZTO, 73123456789012", "ZTO, 76123456789012", "ZTO, 78123456789012",
            "YTO, YT1234567890123", "JT, JT0001234567801",
            "YUNDA, 4312345678901", "YUNDA, 431234567890123",
            "STO, 77301234567890", "STO, 433012345678901", "STO, 77301234567890123",
            "JD, JDVA12345678901", "CAINIAO, LP00123456789012",
            "ZTO, RB123456785GB"})
    void aNumberOfItsCarriersShapeOrAnS10ItemFits(Carrier carrier, String number) {
        assertThat(WaybillShape.fits(carrier, number)).isTrue();
        assertThat(WaybillShape.warning(carrier, number)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "SF, SF12345", "ZTO, 77123456789012", "ZTO, 7312345678901", "YTO, YT123",
            "JT, 1234567890123", "YUNDA, 43123456789012", "STO, 7730123456", "JD, VA123", "CAINIAO, LP123"})
    void aNumberOfAnotherShapeIsAWarningNamingIt(Carrier carrier, String number) {
        assertThat(WaybillShape.warning(carrier, number)).hasValueSatisfying(w ->
                assertThat(w).contains(number).contains(carrier.name()).contains("fits none"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"EMS", "DEPPON", "OTHER"})
    void carriersPublishingNoShapeAreNotChecked(Carrier carrier) {
        assertThat(WaybillShape.published(carrier)).isFalse();
        assertThat(WaybillShape.fits(carrier, "anything")).isTrue();
    }

    @Test
    void thePublishedS10ExampleIsValid() {
        // 1·8 + 2·6 + 3·4 + 4·2 + 5·3 + 6·5 + 7·9 + 8·7 = 204; 204 mod 11 = 6; 11 − 6 = 5
        assertThat(WaybillShape.s10CheckDigit("12345678")).isEqualTo(5);
        assertThat(WaybillShape.isS10("RB123456785GB")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RB123456784GB", "RB123456875GB", "RB12345678GB", "rb123456785gb", "RB 123456785GB",
            "12123456785GB", ""})
    void corruptedOrMisshapenS10IdentifiersAreInvalid(String id) {
        assertThat(WaybillShape.isS10(id)).isFalse();
    }

    @Test
    void s10RemaindersOfZeroAndOneMapToFiveAndZero() {
        assertThat(WaybillShape.s10CheckDigit("00000000")).isEqualTo(5);
        assertThat(WaybillShape.s10CheckDigit("00000001")).isEqualTo(4);
        assertThat(WaybillShape.s10CheckDigit("00000050")).isEqualTo(0);
        assertThat(WaybillShape.isS10("EE000000505CN")).isFalse();
        assertThat(WaybillShape.isS10("EE000000500CN")).isTrue();
        assertThatThrownBy(() -> WaybillShape.s10CheckDigit("1234567")).hasMessageContaining("eight digits");
    }

    @Test
    void theS10ScanAgreesWithTheShapeAsARegularExpression() {
        java.util.regex.Pattern shape = java.util.regex.Pattern.compile("[A-Z]{2}[0-9]{9}[A-Z]{2}");
        java.util.Random random = new java.util.Random(11);
        String alphabet = "AZRBGC0123456789 -a";
        int s10 = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder id = new StringBuilder();
            int length = 11 + random.nextInt(4);
            for (int i = 0; i < length; i++) {
                // mostly the right kind of character in each place, so that many pass the shape
                boolean letterPlace = i < 2 || i > 10;
                id.append(random.nextInt(12) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : letterPlace ? (char) ('A' + random.nextInt(26)) : (char) ('0' + random.nextInt(10)));
            }
            String text = id.toString();
            boolean expected = shape.matcher(text).matches()
                    && WaybillShape.s10CheckDigit(text.substring(2, 10)) == text.charAt(10) - '0';
            assertThat(WaybillShape.isS10(text)).as(text).isEqualTo(expected);
            s10 += expected ? 1 : 0;
        }
        assertThat(s10).as("valid identifiers among the random ones").isGreaterThan(1_000);
    }
}

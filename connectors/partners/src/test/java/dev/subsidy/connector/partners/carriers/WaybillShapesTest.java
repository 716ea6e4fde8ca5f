package dev.subsidy.connector.partners.carriers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaybillShapesTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "SF, SF1234567890123", "SF, 123456789012",
            "ZTO, 73123456789012", "ZTO, 76123456789012", "ZTO, 78123456789012",
            "YTO, YT1234567890123", "JT, JT0001234567801",
            "YUNDA, 4312345678901", "YUNDA, 431234567890123",
            "STO, 77301234567890", "STO, 433012345678901", "STO, 77301234567890123",
            "JD, JDVA12345678901", "CAINIAO, LP00123456789012"})
    void aNumberOfItsCarriersShapeGivesNoWarning(CarrierApi carrier, String number) {
        assertThat(WaybillShapes.warning(carrier, number)).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "SF, SF12345", "ZTO, 77123456789012", "ZTO, 7312345678901", "YTO, YT123",
            "JT, 1234567890123", "YUNDA, 43123456789012", "STO, 7730123456", "JD, VA123", "CAINIAO, LP123"})
    void aNumberOfAnotherShapeIsAWarningNamingIt(CarrierApi carrier, String number) {
        assertThat(WaybillShapes.warning(carrier, number)).hasValueSatisfying(w ->
                assertThat(w).contains(number).contains(carrier.standardCode().name()).contains("fits none"));
    }

    @ParameterizedTest
    @CsvSource({"731234567890123", "SF1234567890123", "anything"})
    void theAggregatorHasNoShapeOfItsOwn(String number) {
        assertThat(WaybillShapes.warning(CarrierApi.KUAIDI100, number)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"RB123456785GB, true", "RB123456784GB, false", "EE123456785CN, true", "rb123456785gb, false", "RB12345678GB, false"})
    void internationalItemsAreCheckedAsUpuS10(String number, boolean valid) {
        assertThat(WaybillShapes.internationalWarning(number).isEmpty()).isEqualTo(valid);
    }
}

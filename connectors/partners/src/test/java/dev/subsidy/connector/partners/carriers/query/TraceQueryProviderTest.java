package dev.subsidy.connector.partners.carriers.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.api.ConfigProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceQueryProviderTest {

    private final TraceQueryProvider provider = new TraceQueryProvider();

    private static Map<String, String> settings(String carrier) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("carrier", carrier);
        s.put("base_url", "https://api.example.com");
        s.put("app_key", "k");
        s.put("app_secret", "s");
        s.put("waybills", "731234567890123");
        return s;
    }

    @Test
    void everyCarrierIsAcceptedWithItsCommonSettings() {
        for (String carrier : new String[] {"zto", "sf", "sto", "yto", "jt", "yunda", "jd", "cainiao"}) {
            assertThat(provider.validate(settings(carrier))).as(carrier).isEmpty();
        }
    }

    @Test
    void everyProblemAtOnce() {
        Map<String, String> s = settings("kuaidi100");
        s.remove("app_secret");
        s.put("phone", "13800001234");

        assertThat(provider.validate(s)).extracting(ConfigProblem::setting)
                .containsExactlyInAnyOrder("app_secret", "phone", "company");
    }

    @Test
    void aBatchAboveTheCarriersLimitIsNamed() {
        Map<String, String> s = settings("zto");
        s.put("batch_size", "5");

        assertThat(provider.validate(s)).singleElement().satisfies(p -> {
            assertThat(p.setting()).isEqualTo("batch_size");
            assertThat(p.message()).contains("at most 1");
        });
        s.put("carrier", "sf");
        assertThat(provider.validate(s)).isEmpty();
    }

    @Test
    void anUnknownCarrierIsNamedWithTheKnownOnes() {
        assertThat(provider.validate(settings("ems"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("zto").contains("kuaidi100"));
    }
}

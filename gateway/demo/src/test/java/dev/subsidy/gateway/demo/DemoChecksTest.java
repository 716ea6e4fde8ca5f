package dev.subsidy.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoChecksTest {

    /** docs/policy-readings.md, "Worked examples", the first: the demo's own expectation of cj-express-parcel. */
    @Test
    void expectedExpressParcelAwardFollowsWorkedExampleOne() {
        assertThat(DemoChecks.expressParcelAward(4_999)).isEqualTo("(none)");
        assertThat(DemoChecks.expressParcelAward(5_000)).isEqualTo("5000.00");
        assertThat(DemoChecks.expressParcelAward(10_000)).isEqualTo("10000.00");
        assertThat(DemoChecks.expressParcelAward(12_000)).isEqualTo("13000.00");
    }
}

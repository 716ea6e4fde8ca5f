package dev.subsidy.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/figures.md "The digest, exactly": the worked example and the digest of nothing, byte for byte. */
class DigestTest {

    @Test
    void theWorkedExampleOfTheContractGivesItsDigestWhateverTheOrderAndRepeats() {
        String expected = "sha256:4d9ab7479241aede259913362eab3d3026bcbe89aa02ef083065c4a989250539";

        assertThat(Digest.of(List.of("ZTO:73100000000001", "SF:SF1234567890123"))).isEqualTo(expected);
        assertThat(Digest.of(List.of("SF:SF1234567890123", "ZTO:73100000000001", "SF:SF1234567890123")))
                .isEqualTo(expected);
    }

    @Test
    void aFigureThatCountsNothingHasTheDigestOfNoBytes() {
        assertThat(Digest.of(List.of()))
                .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}

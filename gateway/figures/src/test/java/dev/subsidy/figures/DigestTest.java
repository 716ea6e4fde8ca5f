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

    @Test
    void manyKeysOfAnyTextHashAsTheirLinesWritten() throws Exception {
        // enough keys to fill the digest's buffer many times, keys beyond ASCII among them, and one longer than it
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        for (int i = 0; i < 20_000; i++) {
            keys.add("ZTO:" + (73100000000000L + i * 7919L));
            if (i % 997 == 0) {
                keys.add("TAOBAO:店铺-" + i + "-\uD83D\uDCE6");
            }
        }
        keys.add("OTHER:" + "9".repeat(40_000));
        StringBuilder lines = new StringBuilder();
        keys.forEach(k -> lines.append(k).append('\n'));
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256")
                .digest(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(Digest.of(keys)).isEqualTo("sha256:" + java.util.HexFormat.of().formatHex(sha));
    }
}

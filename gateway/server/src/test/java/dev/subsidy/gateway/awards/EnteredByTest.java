package dev.subsidy.gateway.awards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The role is always recorded; the person's name, when the client gives one, beside it. */
class EnteredByTest {

    @Test
    void withoutAHeaderItIsTheAdministrator() {
        assertThat(EnteredBy.of(null)).isEqualTo("admin");
        assertThat(EnteredBy.of("   ")).isEqualTo("admin");
    }

    @Test
    void aNameIsRecordedBesideTheRole() {
        assertThat(EnteredBy.of(" Li Wei ")).isEqualTo("admin (Li Wei)");
    }

    @Test
    void aUtf8NameReadAsLatin1ByTheContainerIsRecoveredWhole() {
        String asTomcatReadsIt = new String("李伟".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(EnteredBy.of(asTomcatReadsIt)).isEqualTo("admin (李伟)");
        assertThat(EnteredBy.of("Zoë")).isEqualTo("admin (Zoë)"); // Latin-1 that is not UTF-8 stays as it is
    }

    @Test
    void controlCharactersAreDroppedAndLongNamesCut() {
        assertThat(EnteredBy.of("a\u0000b\tc")).isEqualTo("admin (abc)");
        assertThat(EnteredBy.of("x".repeat(500))).hasSize("admin ()".length() + 100);
    }
}

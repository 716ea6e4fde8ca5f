package dev.subsidy.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CopyTextTest {

    @Test
    void columnsAreTabSeparatedAndRowsEndWithANewline() {
        assertThat(CopyText.row("a", 1, 2L)).isEqualTo("a\t1\t2\n");
    }

    @Test
    void nullIsBackslashNAndAnEmptyStringStaysEmpty() {
        assertThat(CopyText.row(null, "", null)).isEqualTo("\\N\t\t\\N\n");
    }

    @Test
    void aLiteralBackslashNIsText() {
        assertThat(CopyText.row("\\N")).isEqualTo("\\\\N\n");
    }

    @Test
    void backslashTabNewlineAndCarriageReturnAreEscaped() {
        assertThat(CopyText.row("a\\b\tc\nd\re")).isEqualTo("a\\\\b\\tc\\nd\\re\n");
    }

    @Test
    void quotesCommasAndChineseNeedNoEscaping() {
        assertThat(CopyText.row("\"从江\", 香禾糯")).isEqualTo("\"从江\", 香禾糯\n");
    }

    @Test
    void otherTypesAreRefused() {
        assertThatThrownBy(() -> CopyText.row(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}

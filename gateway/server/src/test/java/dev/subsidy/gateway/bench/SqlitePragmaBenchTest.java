package dev.subsidy.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which rows of the SQLite settings bench run: {@code -Dbench.variants}, said wrong, is refused with what to give. */
class SqlitePragmaBenchTest {

    @Test
    void rowsArePickedByTheirNumbersAndAllRunWhenNoneAreGiven() {
        assertThat(SqlitePragmaBench.chosen("0, 5,6")).extracting(SqlitePragmaBench.Variant::name)
                .containsExactly(SqlitePragmaBench.chosen("").get(0).name(), "page_size=2048", "page_size=1024");
        assertThat(SqlitePragmaBench.chosen(" ")).hasSize(9);
    }

    @Test
    void aRowThatIsNotANumberOrNotInTheTableIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> SqlitePragmaBench.chosen("0,page"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bench.variants: 'page' is not a row number; give numbers from 0 to 8 separated by commas, "
                        + "as in 0,5,6");
        assertThatThrownBy(() -> SqlitePragmaBench.chosen("9"))
                .hasMessage("bench.variants: no row 9; the rows are numbered 0 to 8");
        assertThatThrownBy(() -> SqlitePragmaBench.chosen("-1"))
                .hasMessage("bench.variants: no row -1; the rows are numbered 0 to 8");
    }
}

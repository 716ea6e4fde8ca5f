package dev.subsidy.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A figure's keys appended across many chunks come back whole, in the order added, in one array of their number. */
class AppendedTest {

    @Test
    void itemsAcrossChunksComeBackInTheirOrder() {
        Appended<Integer> items = new Appended<>();
        IntStream.range(0, 200_000).forEach(items::add);

        Integer[] all = items.toArray(Integer[]::new);

        assertThat(items.size()).isEqualTo(200_000);
        assertThat(all).hasSize(200_000);
        assertThat(all).containsExactly(IntStream.range(0, 200_000).boxed().toArray(Integer[]::new));
    }

    @Test
    void whatIsAddedLaterFollowsWhatIsHeld() {
        Appended<String> first = new Appended<>();
        Appended<String> later = new Appended<>();
        IntStream.range(0, 70_000).forEach(i -> first.add("a" + i));
        IntStream.range(0, 13).forEach(i -> later.add("b" + i));

        first.addAll(later);
        first.addAll(new Appended<>());

        String[] all = first.toArray(String[]::new);
        assertThat(all).hasSize(70_013);
        assertThat(all[69_999]).isEqualTo("a69999");
        assertThat(all[70_000]).isEqualTo("b0");
        assertThat(all[70_012]).isEqualTo("b12");
    }

    @Test
    void nothingAddedIsAnEmptyArray() {
        assertThat(new Appended<String>().toArray(String[]::new)).isEmpty();
    }
}

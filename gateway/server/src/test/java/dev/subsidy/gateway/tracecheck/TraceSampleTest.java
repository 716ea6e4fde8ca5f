package dev.subsidy.gateway.tracecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TraceSampleTest {

    private static final Function<String, String> KEY = Function.identity();

    private static List<String> keys(int n) {
        return IntStream.range(0, n).mapToObj(i -> String.format("ZTO:7312%011d", i)).toList();
    }

    @Test
    void atMostAllBelowParcelsAreEveryOneChecked() {
        List<String> keys = keys(500);
        assertThat(new TraceSample(500, new BigDecimal("0.05")).choose(keys, KEY)).containsExactlyElementsOf(keys);
    }

    @Test
    void aboveAllBelowTheShareIsTakenByTheKeysHash() {
        List<String> keys = keys(20_000);
        List<String> chosen = new TraceSample(500, new BigDecimal("0.05")).choose(keys, KEY);
        assertThat(chosen.size()).isBetween(900, 1100);
        assertThat(chosen).allMatch(k -> TraceSample.position(k).compareTo(new BigDecimal("0.05")) < 0);
        assertThat(new TraceSample(0, BigDecimal.ZERO).choose(keys, KEY)).isEmpty();
        assertThat(new TraceSample(0, BigDecimal.ONE).choose(keys, KEY)).hasSize(keys.size());
    }

    @Property(tries = 50)
    void theChoiceDependsOnTheKeysAloneNotOnFeedOrderOrOtherParcels(@ForAll long seed, @ForAll @IntRange(min = 1, max = 999) int shareThousandths) {
        BigDecimal share = BigDecimal.valueOf(shareThousandths, 3);
        TraceSample sample = new TraceSample(10, share);
        List<String> keys = keys(400);
        List<String> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, new Random(seed));
        List<String> fewer = shuffled.subList(0, 200);

        List<String> chosen = sample.choose(keys, KEY);
        assertThat(sample.choose(shuffled, KEY)).containsExactlyInAnyOrderElementsOf(chosen);
        assertThat(sample.choose(fewer, KEY)).containsExactlyInAnyOrderElementsOf(chosen.stream().filter(fewer::contains).toList());
    }
}

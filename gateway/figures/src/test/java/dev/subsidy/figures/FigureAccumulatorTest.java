package dev.subsidy.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.Metric;
import dev.subsidy.model.RecordStatus;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A figure's keys as a set would hold them, whatever order they come in: sorted, each once, a key's amount summed
 * once (the first given), and its digest that of the sorted keys.
 */
class FigureAccumulatorTest {

    private static final Subject MERCHANT = new Subject(SubjectType.MERCHANT, "92522633MA6D0M001G", "香禾茶", "522633100",
            null, true, null, List.of("AGRICULTURAL"), List.of(), List.of(), List.of(), Map.of());

    @Test
    void keysOutOfOrderAndTwiceCountOnceInKeyOrder() {
        FigureAccumulator acc = new FigureAccumulator();
        List<String> sold = List.of("TAOBAO:30", "TAOBAO:4", "TAOBAO:100", "TAOBAO:4", "TAOBAO:2");
        List<String> amounts = List.of("3.00", "0.40", "10.00", "99.00", "0.20");
        for (int i = 0; i < sold.size(); i++) {
            acc.add(MERCHANT, Metric.SALES_NET, RecordStatus.VERIFIED, sold.get(i), new BigDecimal(amounts.get(i)), 0,
                    List.of("taobao"));
            acc.add(MERCHANT, Metric.ORDERS, RecordStatus.VERIFIED, sold.get(i), null, 0, List.of("taobao"));
        }
        acc.add(MERCHANT, Metric.ORDERS, RecordStatus.SUSPECT, "TAOBAO:7", null, 1, List.of("taobao"));

        List<MeasuredFigure> figures = acc.figures("2026-10");

        List<String> inOrder = List.of("TAOBAO:100", "TAOBAO:2", "TAOBAO:30", "TAOBAO:4");
        MeasuredFigure orders = figures.stream().filter(f -> f.metric() == Metric.ORDERS).findFirst().orElseThrow();
        MeasuredFigure sales = figures.stream().filter(f -> f.metric() == Metric.SALES_NET).findFirst().orElseThrow();
        assertThat(orders.value()).isEqualTo("4");
        assertThat(orders.countedKeys()).containsExactlyElementsOf(inOrder);
        assertThat(orders.evidence().counted()).isEqualTo(4);
        assertThat(orders.evidence().suspect()).isEqualTo(1);
        assertThat(orders.evidence().duplicate()).isEqualTo(1);
        assertThat(orders.evidence().digest()).isEqualTo(Digest.of(sold));
        assertThat(sales.value()).as("the amount of TAOBAO:4 once, the first given").isEqualTo("13.60");
        assertThat(sales.countedKeys()).containsExactlyElementsOf(inOrder);
        assertThat(sales.evidence().connectors()).containsExactly("taobao");
    }

    @Test
    void tallyingInTwoPartsAndAddingTheLaterGivesTheFiguresOfOne() {
        FigureAccumulator whole = new FigureAccumulator();
        FigureAccumulator first = new FigureAccumulator();
        FigureAccumulator later = new FigureAccumulator();
        List<String> sold = List.of("TAOBAO:30", "TAOBAO:4", "TAOBAO:100", "TAOBAO:4", "TAOBAO:2");
        List<String> amounts = List.of("3.00", "0.40", "10.00", "99.00", "0.20");
        for (int i = 0; i < sold.size(); i++) {
            for (FigureAccumulator acc : List.of(whole, i < 2 ? first : later)) {
                acc.add(MERCHANT, Metric.SALES_NET, RecordStatus.VERIFIED, sold.get(i), new BigDecimal(amounts.get(i)), 0,
                        List.of(i < 2 ? "taobao" : "douyin"));
                acc.add(MERCHANT, Metric.ORDERS, i == 4 ? RecordStatus.SUSPECT : RecordStatus.VERIFIED, sold.get(i), null, 1,
                        List.of("taobao"));
            }
        }

        first.add(later);

        assertThat(first.figures("2026-10")).isEqualTo(whole.figures("2026-10"));
        MeasuredFigure sales = first.figures("2026-10").stream().filter(f -> f.metric() == Metric.SALES_NET)
                .findFirst().orElseThrow();
        assertThat(sales.value()).as("TAOBAO:4 from the first part, with its first amount").isEqualTo("13.60");
        assertThat(sales.evidence().connectors()).containsExactly("douyin", "taobao");
    }
}

package dev.subsidy.bench;

import dev.subsidy.model.RecordStatus;
import dev.subsidy.verification.Direction;
import dev.subsidy.verification.Jurisdiction;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.PeriodVerdicts;
import dev.subsidy.verification.RegistrySnapshot;
import dev.subsidy.verification.ReviewBook;
import dev.subsidy.verification.ShipmentVerdict;
import dev.subsidy.verification.Verifier;
import dev.subsidy.verification.fraud.Thresholds;
import dev.subsidy.verification.period.PeriodScreening;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well verification tells planted fraud from honest traffic on a labelled month
 * ({@link LabelledMonth}): per family planted, caught (SUSPECT, REJECTED or DUPLICATE) and recall;
 * honest records flagged, by rule; and what the fraud that got through added to the figures.
 *
 * <p>Run from the repository root: {@code ./mvnw -q -Pfraud-bench -pl gateway/bench -am verify}
 * (arguments: {@code -Dfraud.args="<seed> <honest orders> <planted per family>"}).
 */
public final class AccuracyBench {

    private AccuracyBench() {
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 20261101L;
        int honestOrders = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int planted = args.length > 2 ? Integer.parseInt(args[2]) : 275;
        long t0 = System.nanoTime();
        LabelledMonth month = new LabelledMonth(seed, honestOrders, planted);
        long t1 = System.nanoTime();
        Result r = run(month);
        long t2 = System.nanoTime();
        System.out.print(r.report());
        System.out.printf("generated in %d ms, verified in %d ms (seed %d)%n", (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, seed);
        System.out.println(cost(month));
    }

    /**
     * What the fraud rules cost a close, in memory: the median of five runs of eligibility alone (the
     * verification before the rules) and of the whole screening, over the same records.
     */
    static String cost(LabelledMonth month) {
        Jurisdiction j = Congjiang.jurisdiction();
        RegistrySnapshot registry = new RegistrySnapshot(month.subjects(), j);
        long[] before = new long[5];
        long[] after = new long[5];
        for (int i = 0; i < 5; i++) {
            long a = System.nanoTime();
            new Verifier(j, registry).verify(LabelledMonth.MONTH, month);
            long b = System.nanoTime();
            new PeriodScreening(j, registry, Thresholds.defaults(), LabelledMonth::trust).screen(LabelledMonth.MONTH, month,
                    ReviewBook.NONE);
            long c = System.nanoTime();
            before[i] = b - a;
            after[i] = c - b;
        }
        java.util.Arrays.sort(before);
        java.util.Arrays.sort(after);
        int records = month.shipments(LabelledMonth.MONTH).size() + month.orders(LabelledMonth.MONTH, java.util.List.of()).size();
        return String.format("verification of %d records, median of 5: eligibility only %d ms, with every fraud rule %d ms",
                records, before[2] / 1_000_000, after[2] / 1_000_000);
    }

    /** Screens the month with the default thresholds and counts what was caught. */
    public static Result run(LabelledMonth month) {
        Jurisdiction j = Congjiang.jurisdiction();
        PeriodVerdicts verdicts = new PeriodScreening(j, new RegistrySnapshot(month.subjects(), j), Thresholds.defaults(),
                LabelledMonth::trust).screen(LabelledMonth.MONTH, month, ReviewBook.NONE);
        Result r = new Result();
        for (ShipmentVerdict v : verdicts.shipments()) {
            LabelledMonth.Family family = month.label("shipment:" + v.key());
            r.count(family, v.status(), v.findings().stream().map(f -> f.rule()).distinct().toList(), "shipment " + v.key());
            boolean counted = v.verified() && v.direction() == Direction.OUTBOUND;
            if (counted) {
                r.parcels[family == null ? 0 : 1]++;
                if (v.stored().record().international()) {
                    r.crossBorder[family == null ? 0 : 1]++;
                }
            }
        }
        for (OrderVerdict v : verdicts.ordersPaidInPeriod()) {
            LabelledMonth.Family family = month.label("order:" + v.key());
            r.count(family, v.status(), v.findings().stream().map(f -> f.rule()).distinct().toList(), "order " + v.key());
            if (v.counts()) {
                r.sales[family == null ? 0 : 1] = r.sales[family == null ? 0 : 1].add(v.stored().record().netAmount());
            }
        }
        return r;
    }

    /** The tally. */
    public static final class Result {
        final Map<LabelledMonth.Family, int[]> families = new EnumMap<>(LabelledMonth.Family.class);
        final Map<String, Integer> honestByRule = new TreeMap<>();
        final Map<String, String> honestExample = new TreeMap<>();
        int honest;
        int honestFlagged;
        final int[] parcels = new int[2];
        final int[] crossBorder = new int[2];
        final BigDecimal[] sales = {BigDecimal.ZERO, BigDecimal.ZERO};

        void count(LabelledMonth.Family family, RecordStatus status, java.util.List<String> rules, String what) {
            boolean caught = status != RecordStatus.VERIFIED;
            if (family == null) {
                honest++;
                if (caught) {
                    honestFlagged++;
                    for (String rule : rules) {
                        honestByRule.merge(rule, 1, Integer::sum);
                        honestExample.putIfAbsent(rule, what);
                    }
                }
            } else {
                int[] c = families.computeIfAbsent(family, f -> new int[2]);
                c[0]++;
                if (caught) {
                    c[1]++;
                }
            }
        }

        /** Recall of a family, 0 to 1. */
        public double recall(LabelledMonth.Family family) {
            int[] c = families.getOrDefault(family, new int[2]);
            return c[0] == 0 ? 1 : (double) c[1] / c[0];
        }

        /** Share of honest records flagged, 0 to 1. */
        public double honestFlaggedShare() {
            return honest == 0 ? 0 : (double) honestFlagged / honest;
        }

        public String report() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("%-24s %8s %8s %8s%n", "family", "planted", "caught", "recall"));
            int planted = 0;
            int caught = 0;
            for (var e : families.entrySet()) {
                b.append(String.format("%-24s %8d %8d %7.1f%%%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                        100.0 * e.getValue()[1] / e.getValue()[0]));
                planted += e.getValue()[0];
                caught += e.getValue()[1];
            }
            b.append(String.format("%-24s %8d %8d %7.1f%%%n", "all families", planted, caught, 100.0 * caught / planted));
            b.append(String.format("honest records: %d, flagged %d (%.2f%%)%n", honest, honestFlagged,
                    100.0 * honestFlaggedShare()));
            honestByRule.forEach((rule, n) -> b.append(String.format("  honest flagged by %-36s %6d  e.g. %s%n", rule, n,
                    honestExample.get(rule))));
            b.append(String.format("inflation that got through: outbound parcels +%d on %d (%.2f%%), cross-border "
                    + "parcels +%d on %d, net sales +%s CNY on %s%n", parcels[1], parcels[0],
                    parcels[0] == 0 ? 0 : 100.0 * parcels[1] / parcels[0], crossBorder[1], crossBorder[0],
                    sales[1].toPlainString(), sales[0].toPlainString()));
            return b.toString();
        }
    }
}

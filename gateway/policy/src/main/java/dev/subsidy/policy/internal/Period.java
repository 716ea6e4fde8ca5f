package dev.subsidy.policy.internal;

import dev.subsidy.policy.Granularity;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A period as the figures contract writes it: {@code 2026}, {@code 2026-Q4}, {@code 2026-10}. */
public record Period(String text, Granularity granularity, LocalDate start, LocalDate end) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");

    public static Period parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a period (2026, 2026-Q4 or 2026-10): " + text);
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            YearMonth first = YearMonth.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1);
            return new Period(text, Granularity.QUARTER, first.atDay(1), first.plusMonths(2).atEndOfMonth());
        }
        if (m.group(3) != null) {
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(3)));
            return new Period(text, Granularity.MONTH, month.atDay(1), month.atEndOfMonth());
        }
        return new Period(text, Granularity.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public int year() {
        return start.getYear();
    }

    /** The month periods within this one, in order, as {@code 2026-01} … */
    public List<String> months() {
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }
}

package dev.subsidy.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period (统计期): a calendar year, quarter or month in China Standard Time. Instants
 * are stored in UTC; which period one belongs to is decided in UTC+8, so a parcel collected at
 * 00:30 on 1 November in Beijing belongs to November although it is still October in UTC.
 */
public record Period(Granularity granularity, int year, int index) implements Comparable<Period> {

    /** China Standard Time: UTC+8 all year, no daylight saving. */
    public static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private static final Pattern SHAPE = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(\\d{2}))?");

    public Period {
        if (year < 1990 || year > 2200) {
            throw new IllegalArgumentException("period year out of range: " + year);
        }
        if (granularity == Granularity.MONTH && (index < 1 || index > 12) || granularity == Granularity.QUARTER && (index < 1 || index > 4)) {
            throw new IllegalArgumentException("period index out of range: " + index);
        }
    }

    /** Parses "2026", "2026-Q4" or "2026-10"; anything else is an {@link IllegalArgumentException}. */
    public static Period parse(String text) {
        Matcher m = text == null ? null : SHAPE.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a period (2026, 2026-Q4 or 2026-10): '" + text + "'");
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return new Period(Granularity.QUARTER, year, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            return new Period(Granularity.MONTH, year, Integer.parseInt(m.group(3)));
        }
        return new Period(Granularity.YEAR, year, 0);
    }

    public static Period monthOf(Instant instant) {
        LocalDate day = chinaDay(instant);
        return new Period(Granularity.MONTH, day.getYear(), day.getMonthValue());
    }

    /**
     * The China-time day of an instant, by arithmetic: atOffset builds the offset's rules anew on every call, and a
     * close asks this of every record, several times.
     */
    private static LocalDate chinaDay(Instant instant) {
        return LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond() + CHINA.getTotalSeconds(), 86_400L));
    }

    /** The month, quarter and year an instant belongs to. */
    public static List<Period> allOf(Instant instant) {
        Period month = monthOf(instant);
        return List.of(month, month.quarter(), new Period(Granularity.YEAR, month.year, 0));
    }

    public Period quarter() {
        return granularity == Granularity.MONTH ? new Period(Granularity.QUARTER, year, (index - 1) / 3 + 1) : this;
    }

    public LocalDate firstDay() {
        return switch (granularity) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case QUARTER -> LocalDate.of(year, (index - 1) * 3 + 1, 1);
            case MONTH -> LocalDate.of(year, index, 1);
        };
    }

    public LocalDate lastDay() {
        return switch (granularity) {
            case YEAR -> LocalDate.of(year, 12, 31);
            case QUARTER -> YearMonth.of(year, index * 3).atEndOfMonth();
            case MONTH -> YearMonth.of(year, index).atEndOfMonth();
        };
    }

    /** First instant of the period (inclusive). */
    public Instant start() {
        return firstDay().atStartOfDay().toInstant(CHINA);
    }

    /** First instant after the period (exclusive). */
    public Instant end() {
        return lastDay().plusDays(1).atStartOfDay().toInstant(CHINA);
    }

    /** Whether the instant is from {@link #start} on and before {@link #end}: whether its China-time day is in the period. */
    public boolean contains(Instant instant) {
        LocalDate day = chinaDay(instant);
        if (day.getYear() != year) {
            return false;
        }
        return switch (granularity) {
            case YEAR -> true;
            case QUARTER -> (day.getMonthValue() - 1) / 3 + 1 == index;
            case MONTH -> day.getMonthValue() == index;
        };
    }

    /** As the contracts write it: {@code 2026}, {@code 2026-Q4}, {@code 2026-10}. */
    public String text() {
        return toString();
    }

    /** The month periods within this one, in order, as {@code 2026-01} … */
    public List<String> months() {
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(firstDay()); !m.isAfter(YearMonth.from(lastDay())); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }

    @Override
    public int compareTo(Period other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return switch (granularity) {
            case YEAR -> Integer.toString(year);
            case QUARTER -> year + "-Q" + index;
            // not String.format: a close names the month of every record it marks
            case MONTH -> year + (index < 10 ? "-0" : "-") + index;
        };
    }
}

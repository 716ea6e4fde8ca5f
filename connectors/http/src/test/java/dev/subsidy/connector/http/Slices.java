package dev.subsidy.connector.http;

import dev.subsidy.connector.testkit.TestRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/** What partner simulators share: records of a window, one page of a list, China local time. */
final class Slices {

    static final DateTimeFormatter CHINA = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Slices() {
    }

    /** Records modified in [start, end), oldest first (half-open, so adjacent windows never share one). */
    static List<TestRecord> inWindow(List<TestRecord> records, Instant start, Instant end) {
        return records.stream()
                .filter(r -> !r.modified().isBefore(start) && r.modified().isBefore(end))
                .sorted(Comparator.comparing(TestRecord::modified))
                .toList();
    }

    /** One page of a list; pages are numbered from {@code first}. */
    static <T> List<T> page(List<T> list, long number, long first, int size) {
        long from = (number - first) * size;
        if (from < 0 || from >= list.size()) {
            return List.of();
        }
        return list.subList((int) from, (int) Math.min(list.size(), from + size));
    }

    static Instant chinaLocal(String text) {
        return LocalDateTime.parse(text, CHINA).toInstant(ZoneOffset.ofHours(8));
    }

    static String chinaLocal(Instant instant) {
        return CHINA.format(instant.atOffset(ZoneOffset.ofHours(8)));
    }
}

package dev.subsidy.mapping.functions;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** China's offset and the one ISO-8601 shape the functions write. Stateless. */
final class ChinaTime {

    /** China Standard Time, all year (no daylight saving since 1991). */
    static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

    /**
     * Always with seconds: {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} leaves them out when they
     * are zero, and the standard records (and samples) use one shape.
     */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private ChinaTime() {}

    /** {@code 2026-03-01T10:30:00+08:00}: the instant in China's offset, to the second. */
    static String iso(OffsetDateTime time) {
        return time.withOffsetSameInstant(OFFSET).truncatedTo(ChronoUnit.SECONDS).format(ISO);
    }
}

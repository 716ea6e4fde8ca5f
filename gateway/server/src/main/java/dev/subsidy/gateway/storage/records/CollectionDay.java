package dev.subsidy.gateway.storage.records;

/**
 * The day a shipment was collected (揽收日), China time, as the shipment table's collection index holds it (V22,
 * docs/operations.md "Database"): days since 1970-01-01 at China midnight. The index is keyed by the day rather
 * than the instant so that a new shipment's entry goes at the end of its day; a query reaches it only through the
 * very expression the index was made with, which {@link #of(String)} writes.
 */
public final class CollectionDay {

    private static final long DAY = 86_400_000L;
    /** China Standard Time, UTC+8, in milliseconds: periods begin at China midnight. */
    private static final long CHINA = 28_800_000L;

    private CollectionDay() {}

    /** The indexed expression for the shipment table aliased {@code alias} (no alias when empty). */
    public static String of(String alias) {
        return "((" + column(alias) + " + " + CHINA + ") / " + DAY + ")";
    }

    /** The collection day of an instant in epoch milliseconds, as {@link #of(String)} computes it in SQL. */
    public static long of(long epochMillis) {
        return Math.floorDiv(epochMillis + CHINA, DAY);
    }

    /**
     * Whether the shipment aliased {@code alias} was collected from {@code from} (inclusive) to {@code to} (exclusive):
     * the range of days the index answers, then the instants themselves (a bound inside a day).
     */
    public static String collectedIn(String alias, long from, long to) {
        return "(" + of(alias) + " BETWEEN " + of(from) + " AND " + of(to - 1) + " AND " + exact(alias, Long.toString(from),
                Long.toString(to)) + ")";
    }

    /**
     * As {@link #collectedIn(String, long, long)}, with bounds that are SQL expressions in epoch milliseconds (a
     * column of another table, say): the days computed by the database.
     */
    public static String collectedIn(String alias, String from, String to) {
        return "(" + of(alias) + " BETWEEN ((" + from + ") + " + CHINA + ") / " + DAY + " AND ((" + to + ") - 1 + " + CHINA
                + ") / " + DAY + " AND " + exact(alias, from, to) + ")";
    }

    /**
     * Whole days only, from the day of {@code from} to the day before that of {@code to}: what the index counts
     * without reading a row. For a period, whose bounds are China midnights, that is all of it.
     */
    public static String wholeDays(String alias, long from, long to) {
        return of(alias) + " BETWEEN " + Math.floorDiv(from + CHINA + DAY - 1, DAY) + " AND " + (Math.floorDiv(to + CHINA, DAY) - 1);
    }

    private static String exact(String alias, String from, String to) {
        return column(alias) + " >= " + from + " AND " + column(alias) + " < " + to;
    }

    private static String column(String alias) {
        return alias.isEmpty() ? "collected_at" : alias + ".collected_at";
    }
}

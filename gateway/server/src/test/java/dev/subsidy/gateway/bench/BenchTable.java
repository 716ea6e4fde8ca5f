package dev.subsidy.gateway.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one table of a run (issue 11): a row per measurement, grouped by database. The limit of a database is the
 * slower of parsing alone and its bulk load alone; every rate is shown beside it. A step that failed keeps its row
 * with the error, so one broken step never hides the others.
 */
final class BenchTable {

    static final String PARSE = "parse only";
    static final String BULK = "bulk load only";
    static final String IN_PROCESS = "gateway intake in process (FeedIntake, no HTTP), NDJSON";

    /** One measurement; {@code rate} is NaN where records/s means nothing (peak heap) or the step failed. */
    record Row(String db, String what, double rate, String notes) {}

    private final List<Row> rows = new ArrayList<>();
    private final String heading;

    BenchTable(String heading) {
        this.heading = heading;
    }

    void measured(String db, String what, long records, double seconds, String notes) {
        rows.add(new Row(db, what, seconds > 0 ? records / seconds : Double.NaN,
                String.format(Locale.ROOT, "%,d in %.1f s", records, seconds) + (notes.isEmpty() ? "" : "; " + notes)));
    }

    void noted(String db, String what, String notes) {
        rows.add(new Row(db, what, Double.NaN, notes));
    }

    void failed(String db, String what, Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        rows.add(new Row(db, what, Double.NaN, "FAILED: " + message.replace('\n', ' ').replace("|", "\\|")));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The slower of parse only (shared by every database) and this database's bulk load; NaN if either failed. */
    double limit(String db) {
        double parse = rate("", PARSE);
        double bulk = rate(db, BULK);
        return Math.min(parse, bulk);
    }

    private double rate(String db, String what) {
        return rows.stream().filter(r -> r.db().equals(db) && r.what().equals(what)).mapToDouble(Row::rate)
                .findFirst().orElse(Double.NaN);
    }

    String markdown() {
        StringBuilder out = new StringBuilder(heading).append("\n\n| what | records/s | ratio to limit | notes |\n")
                .append("|---|---:|---:|---|\n");
        Map<String, List<Row>> byDb = new LinkedHashMap<>();
        rows.forEach(r -> byDb.computeIfAbsent(r.db(), k -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<Row>> group : byDb.entrySet()) {
            for (Row r : group.getValue()) {
                String what = group.getKey().isEmpty() ? r.what() : group.getKey() + ": " + r.what();
                double limit = group.getKey().isEmpty() ? Double.NaN : limit(group.getKey());
                boolean isLimit = !Double.isNaN(limit) && r.rate() == limit && r.what().equals(BULK);
                out.append("| ").append(isLimit ? "**" + what + " = the limit**" : what).append(" | ")
                        .append(Double.isNaN(r.rate()) ? "—" : String.format(Locale.ROOT, "%,.0f", r.rate()))
                        .append(" | ").append(ratio(r.rate(), limit)).append(" | ").append(r.notes()).append(" |\n");
            }
        }
        for (String db : byDb.keySet()) {
            if (!db.isEmpty()) {
                double limit = limit(db);
                out.append(String.format(Locale.ROOT, "%nLimit on %s: %s records/s (the slower of %s and %s).", db,
                        Double.isNaN(limit) ? "not measured" : String.format(Locale.ROOT, "%,.0f", limit), PARSE, BULK));
            }
        }
        return out.append('\n').toString();
    }

    private static String ratio(double rate, double limit) {
        if (Double.isNaN(rate) || Double.isNaN(limit) || limit <= 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f", rate / limit);
    }
}

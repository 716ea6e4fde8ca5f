package dev.subsidy.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's bodies, generated once onto disk before anything is timed: every step reads the same bytes, the
 * bench's own heap stays small at 10 M records, and the clients that post them spend no processor time making them.
 */
final class BodyFiles {

    /** What a body holds. */
    enum Kind {
        NDJSON("ndjson"),
        JSON_ARRAY("json"),
        CSV("csv"),
        BRANCH_CSV("csv");

        private final String extension;

        Kind(String extension) {
            this.extension = extension;
        }
    }

    /** One body: its file and how many records it holds. */
    record Body(Path file, int records) {}

    private BodyFiles() {}

    /** Records {@code first} to {@code first + count - 1} in bodies of at most {@code bodySize}. */
    static List<Body> write(StandardRecords records, Kind kind, Path folder, long first, long count, int bodySize)
            throws IOException {
        Files.createDirectories(folder);
        List<Body> bodies = new ArrayList<>();
        for (long from = first; from < first + count; from += bodySize) {
            int n = (int) Math.min(bodySize, first + count - from);
            byte[] bytes = switch (kind) {
                case NDJSON -> records.ndjson(from, n);
                case JSON_ARRAY -> records.jsonArray(from, n);
                case CSV -> records.csv(from, n);
                case BRANCH_CSV -> records.branchCsv(from, n);
            };
            Path file = folder.resolve(String.format("%s-%08d.%s", kind.name().toLowerCase(java.util.Locale.ROOT),
                    bodies.size(), kind.extension));
            Files.write(file, bytes);
            bodies.add(new Body(file, n));
        }
        return bodies;
    }

    static long bytes(List<Body> bodies) throws IOException {
        long total = 0;
        for (Body b : bodies) {
            total += Files.size(b.file());
        }
        return total;
    }
}

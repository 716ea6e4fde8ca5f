package dev.subsidy.gateway.connectors;

import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.gateway.web.NotFoundException;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuns;
import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.file.FileReports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A connector's history (docs/api.md "Connectors", administrator only): its runs, newest first, and
 * for a file connector each file it took with where it went and, for one in {@code failed/}, its
 * report. History outlives the connector: a deleted connector's runs are still listed.
 */
@RestController
@RequestMapping("/api/v1/connectors/{id}")
class ConnectorHistoryController {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    private final ConnectorRuntime runtime;
    private final ConnectorRuns runs;
    private final FileReports reports;

    ConnectorHistoryController(ConnectorRuntime runtime, ConnectorRuns runs, FileReports reports) {
        this.runtime = runtime;
        this.runs = runs;
        this.reports = reports;
    }

    /** One run; {@code outcome} OK, FAILED or NOTHING_NEW. */
    record RunView(Instant started, Instant finished, long recordsIn, long accepted, long duplicates, long rejected,
                   String outcome, String error, String file) {
        static RunView of(ConnectorRuns.Run r) {
            return new RunView(r.startedAt(), r.finishedAt(), r.recordsIn(), r.accepted(), r.duplicates(), r.rejected(),
                    r.outcome().name(), r.error(), r.file());
        }
    }

    /**
     * One file taken.
     *
     * @param outcome {@code done}, {@code failed} (in failed/ with its report) or {@code retrying} (left in the inbox)
     * @param movedTo its path inside the inbox, null while it stays there
     * @param report the refused rows of a failed file; null for others, or when the report was moved away
     */
    record FileView(String name, Instant received, String outcome, long rows, long accepted, long duplicates,
                    long rejected, String movedTo, String error, List<FileReports.Row> report) {}

    record Page<T>(int page, int size, long total, List<T> items) {}

    @GetMapping("/runs")
    Page<RunView> runs(@PathVariable String id, @RequestParam(required = false) String page,
                       @RequestParam(required = false) String size) {
        int p = number("page", page, 0, 1_000_000);
        int s = size == null ? DEFAULT_SIZE : number("size", size, 1, MAX_SIZE);
        ConnectorKind kind = runtime.find(id).flatMap(ConnectorInstance::kind).orElse(null);
        ConnectorRuns.Page found = kind == ConnectorKind.PUSH ? runs.posts(id, p, s) : runs.runs(id, p, s);
        if (kind == null && found.total() == 0) {
            // deleted (or never known): a push connector's history is its posts
            found = runs.posts(id, p, s);
        }
        if (found.total() == 0 && runtime.find(id).isEmpty()) {
            throw new NotFoundException("no connector '" + id + "', and none by that name ever ran");
        }
        return new Page<>(p, s, found.total(), found.runs().stream().map(RunView::of).toList());
    }

    @GetMapping("/files")
    Page<FileView> files(@PathVariable String id, @RequestParam(required = false) String page,
                         @RequestParam(required = false) String size) {
        int p = number("page", page, 0, 1_000_000);
        int s = size == null ? DEFAULT_SIZE : number("size", size, 1, MAX_SIZE);
        ConnectorKind kind = runtime.find(id).flatMap(ConnectorInstance::kind).orElse(null);
        if (kind != null && kind != ConnectorKind.FILE) {
            throw new BadRequestException("connector " + id + " is a " + kind + " connector: only file connectors take files");
        }
        ConnectorRuns.Page found = runs.files(id, p, s);
        if (found.total() == 0 && runtime.find(id).isEmpty()) {
            throw new NotFoundException("no connector '" + id + "', and none by that name ever took a file");
        }
        List<FileView> files = new ArrayList<>();
        for (ConnectorRuns.Run r : found.runs()) {
            files.add(new FileView(r.file(), r.startedAt(), r.fileOutcome().name().toLowerCase(Locale.ROOT), r.recordsIn(),
                    r.accepted(), r.duplicates(), r.rejected(), r.movedTo(), r.error(), report(id, r)));
        }
        return new Page<>(p, s, found.total(), files);
    }

    private List<FileReports.Row> report(String id, ConnectorRuns.Run r) {
        if (r.fileOutcome() != ConnectorRuns.FileOutcome.FAILED || r.movedTo() == null) {
            return null;
        }
        try {
            return reports.report(id, r.movedTo()).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("the report of " + r.movedTo() + " cannot be read", e);
        }
    }

    private static int number(String name, String value, int min, int max) {
        if (value == null) {
            return min;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below, with the bounds
        }
        throw new BadRequestException(name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }
}

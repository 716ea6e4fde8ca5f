package dev.subsidy.runtime.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The report of a file sent to {@code failed/}, read back for the API from where the inbox keeps it
 * ({@code <file>.errors.csv} beside the file). Stateless.
 */
public final class FileReports {

    /** One refused row of a report: its position in the file ({@code line 3}, {@code file}) and the reason. */
    public record Row(String position, String reason) {}

    private final Path home;

    public FileReports(Path home) {
        this.home = home;
    }

    /**
     * @param movedTo where the file went inside its inbox, as its run history says ({@code failed/x.csv})
     * @return the report's rows; empty when it is no longer there (an operator moved or removed it)
     * @throws IOException when it is there but cannot be read
     */
    public Optional<List<Row>> report(String connectorId, String movedTo) throws IOException {
        Inbox inbox = Inbox.of(home, connectorId);
        Path report = inbox.dir().resolve(movedTo + ErrorReport.SUFFIX).normalize();
        if (!report.startsWith(inbox.failed()) || !Files.isRegularFile(report)) {
            return Optional.empty();
        }
        return Optional.of(ErrorReport.readFrom(report).lines().stream().map(l -> new Row(l.position(), l.reason())).toList());
    }
}

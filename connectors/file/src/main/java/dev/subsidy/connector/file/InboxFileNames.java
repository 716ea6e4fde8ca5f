package dev.subsidy.connector.file;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which names in an inbox are never files to read: hidden files, and the names that copy tools,
 * browsers and office programs give a file while they are still writing it. A sender that writes
 * {@code export.csv.part} and renames it to {@code export.csv} when done is never read half-way.
 * Stateless.
 */
public final class InboxFileNames {

    /** Suffixes of files still being written: scp/rsync/WinSCP, browsers, editors. */
    private static final List<String> IN_PROGRESS = List.of(".part", ".tmp", ".partial", ".filepart",
            ".crdownload", ".download", ".swp");

    private InboxFileNames() {}

    /** Why a file of this name is not read, or empty when it may be. */
    public static Optional<String> whyIgnored(String fileName) {
        if (fileName.startsWith(".")) {
            return Optional.of("hidden file");
        }
        if (fileName.startsWith("~$")) {
            return Optional.of("an office program's lock file");
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String suffix : IN_PROGRESS) {
            if (lower.endsWith(suffix)) {
                return Optional.of("a file still being written (" + suffix + ")");
            }
        }
        return Optional.empty();
    }

    /** Whether a file of this name may be read once it is stable. */
    public static boolean isCandidate(String fileName) {
        return whyIgnored(fileName).isEmpty();
    }
}

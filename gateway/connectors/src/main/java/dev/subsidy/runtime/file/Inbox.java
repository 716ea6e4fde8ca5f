package dev.subsidy.runtime.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file connector's folders: {@code ${gateway.home}/inbox/<connector-id>/}, where files are
 * dropped, and inside it {@code done/} (every row stored or already held) and {@code failed/} (a
 * row refused, or the file unreadable; with its {@code .errors.csv} report). The inbox is read
 * without descending, so neither sub-folder is ever read again. Immutable.
 *
 * @param dir the inbox folder itself
 */
public record Inbox(Path dir) {

    /** Subfolder of {@code gateway.home} holding one inbox per file connector. */
    public static final String ROOT = "inbox";
    static final String DONE = "done";
    static final String FAILED = "failed";

    /** The inbox of a connector; its id is a safe folder name (lower case letters, digits, dashes). */
    public static Inbox of(Path home, String connectorId) {
        return new Inbox(home.resolve(ROOT).resolve(connectorId).toAbsolutePath().normalize());
    }

    public Path done() {
        return dir.resolve(DONE);
    }

    public Path failed() {
        return dir.resolve(FAILED);
    }

    /** Creates the three folders, so an operator finds where to drop files as soon as the connector is added. */
    Inbox create() {
        try {
            Files.createDirectories(done());
            Files.createDirectories(failed());
        } catch (IOException e) {
            throw new UncheckedIOException("inbox folders cannot be created under " + dir, e);
        }
        return this;
    }
}

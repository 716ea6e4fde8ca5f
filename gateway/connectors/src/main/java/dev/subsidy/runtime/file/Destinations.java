package dev.subsidy.runtime.file;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A free name for a file moved to {@code done/} or {@code failed/}: its own name, or, when a file of
 * that name is already there (a carrier whose export is always called {@code 运单.csv}), the name with
 * {@code -2}, {@code -3} … before its extension. No file is ever overwritten (a report left by a
 * crash between writing it and moving its file is, by the same file's retry). Stateless; the route's
 * one consumer thread is the only writer of its folders.
 */
final class Destinations {

    private Destinations() {}

    static Path free(Path folder, String fileName) {
        Path candidate = folder.resolve(fileName);
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String extension = dot > 0 ? fileName.substring(dot) : "";
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(stem + "-" + n + extension);
        }
        return candidate;
    }
}

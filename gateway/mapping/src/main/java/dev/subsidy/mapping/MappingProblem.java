package dev.subsidy.mapping;

import java.util.Objects;

/**
 * Why one mapping file cannot be compiled: where (file, line, column) and JSLT's own message.
 * Immutable and thread-safe.
 *
 * @param origin the file or resource the mapping came from, as given to the compiler
 * @param line 1-based line of the problem, or 0 when JSLT does not know it
 * @param column 1-based column, or 0 when JSLT does not know it
 * @param message JSLT's message without its location, first line only (JSLT appends the list of
 *     every token it would have accepted, which helps nobody)
 */
public record MappingProblem(String origin, int line, int column, String message) {

    public MappingProblem {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
    }

    /** {@code taobao-trades.jslt:12:5: No such function: 'fen-to-yaun'}. */
    @Override
    public String toString() {
        return origin + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message;
    }
}

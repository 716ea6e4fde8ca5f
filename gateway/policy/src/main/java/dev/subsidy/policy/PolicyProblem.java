package dev.subsidy.policy;

/**
 * One thing wrong with a policy file.
 *
 * @param file   the file name as given to the loader
 * @param line   1-based line in the file (the line of the offending key, or of the map missing one)
 * @param column 1-based column
 * @param path   JSON Pointer to the offending value, e.g. {@code /rules/2/tiers/1/rate}
 * @param reason what is wrong, in words
 */
public record PolicyProblem(String file, int line, int column, String path, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + reason + (path.isEmpty() ? "" : " (at " + path + ")");
    }
}

package dev.subsidy.mapping;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The text of one mapping before it is compiled. Immutable and thread-safe.
 *
 * @param name the mapping's name: its file name without {@code .jslt}; definitions refer to it
 * @param origin where it came from (a path or resource name), shown in problems
 * @param text the JSLT source
 */
public record MappingSource(String name, String origin, String text) {

    /** File extension of a mapping. */
    public static final String EXTENSION = ".jslt";

    public MappingSource {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a mapping needs a name");
        }
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(text, "text");
    }

    /** What another mapping may import by: lower case letters, digits and dashes, at most 64. */
    private static final Pattern IMPORTABLE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** Whether a mapping of this name can be imported (and added through the API) by it. */
    public static boolean isName(String name) {
        return name != null && IMPORTABLE.matcher(name).matches();
    }

    /** The mapping name a file of this name holds, or {@code null} when it is not a mapping file. */
    static String nameOf(String fileName) {
        if (!fileName.endsWith(EXTENSION) || fileName.length() == EXTENSION.length() || fileName.startsWith(".")) {
            return null;
        }
        return fileName.substring(0, fileName.length() - EXTENSION.length());
    }
}

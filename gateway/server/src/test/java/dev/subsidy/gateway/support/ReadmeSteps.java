package dev.subsidy.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The code blocks of one README section that are marked {@code <!-- step: name -->} on the line
 * before them, by name, their indentation (inside a list item) removed: what a test performs must
 * be what the README says, not a copy of it that drifts.
 */
public final class ReadmeSteps {

    private static final String MARK = "<!-- step: ";

    private ReadmeSteps() {}

    /** The README at the repository's root (system property {@code repo.root}, set by the build). */
    public static Path readme() {
        return Path.of(System.getProperty("repo.root", "../..")).resolve("README.md").toAbsolutePath().normalize();
    }

    /** The marked blocks under the heading {@code ## <section>}, up to the next heading of that level. */
    public static Map<String, String> of(Path readme, String section) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf("## " + section);
        if (start < 0) {
            throw new IllegalStateException(readme + " has no section '" + section + "'");
        }
        Map<String, String> steps = new LinkedHashMap<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith(MARK) && line.endsWith("-->")) {
                String name = line.substring(MARK.length(), line.length() - 3).strip();
                String fence = lines.get(i + 1);
                int indent = fence.length() - fence.stripLeading().length();
                if (!fence.strip().startsWith("```")) {
                    throw new IllegalStateException("step " + name + " is not followed by a code block");
                }
                StringBuilder block = new StringBuilder();
                int j = i + 2;
                for (; !lines.get(j).strip().equals("```"); j++) {
                    String l = lines.get(j);
                    block.append(l.length() >= indent ? l.substring(indent) : l.strip()).append('\n');
                }
                steps.put(name, block.toString());
                i = j;
            }
        }
        return steps;
    }
}

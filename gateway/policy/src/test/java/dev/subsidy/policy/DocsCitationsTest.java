package dev.subsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Comments, READMEs and configuration headers send readers to the contracts by path and section
 * (docs/README.md "Citing these pages"). A renamed heading or a page that was never written leaves
 * the reader with nothing, and no compiler notices: this walks the whole repository and fails on every
 * citation whose page does not exist or whose section is no heading of that page, and on every link
 * between the pages that leads nowhere.
 */
class DocsCitationsTest {

    /** A page, then optionally a quoted section (after a space, a comma or a comment's line break), or ", section X". */
    private static final Pattern CITATION = Pattern.compile(
            "docs/([A-Za-z0-9_-]+)\\.md`?"
                    + "(?:(?:,?[ \\t]+|,?[ \\t]*\\R[ \\t]*(?:\\*|//|#)?[ \\t]*)\"([^\"]{1,160})\"|, section ([^\\s.,;:)`\"]+))?");
    /** A line break inside a quoted section, with the comment marker that continues it. */
    private static final Pattern CONTINUATION = Pattern.compile("[ \\t]*\\R[ \\t]*(?:\\*|//|#)?[ \\t]*");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}[ \\t]+(.+?)[ \\t]*#*[ \\t]*$");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Set<String> TEXT_FILES = Set.of("java", "md", "yml", "yaml", "jslt", "properties", "xml", "sql", "txt");

    @Test
    void every_docs_citation_in_the_repository_names_an_existing_page_and_heading() throws IOException {
        Path root = repositoryRoot();

        List<String> problems = problems(root);

        assertThat(citationCount(root)).as("docs/ citations found in the repository").isGreaterThan(50);
        assertThat(problems).as("citations of docs/ that lead nowhere").isEmpty();
    }

    @Test
    void a_missing_page_a_missing_section_and_a_dead_link_are_each_reported_where_they_are() throws IOException {
        Path root = miniRepository();
        write(root.resolve("src/Cites.java"), cited("""
                /** See DOCS/rules.md "Scope" and DOCS/rules.md "Tiers" (the tiers). */
                class Cites {
                    // DOCS/gone.md, and DOCS/rules.md, "Scope", and DOCS/rules.md, section 赣州.
                    // DOCS/rules.md "Parcel metrics", DOCS/rules.md
                    // "Not
                    // there"
                }
                """));
        write(root.resolve("docs").resolve("other.md"), "# Other\n\nSee [rules](rules.md), [scope](rules.md#scope), [no](missing.md), [bad](rules.md#nowhere).\n");

        List<String> problems = problems(root);

        assertThat(problems).containsExactlyInAnyOrderElementsOf(Stream.of(
                "src/Cites.java:1 cites DOCS/rules.md \"Tiers\": no such heading in DOCS/rules.md",
                "src/Cites.java:3 cites DOCS/gone.md: no such page",
                "src/Cites.java:4 cites DOCS/rules.md \"Not there\": no such heading in DOCS/rules.md",
                "DOCS/other.md:3 links to missing.md: no such file",
                "DOCS/other.md:3 links to rules.md#nowhere: no such heading in DOCS/rules.md").map(DocsCitationsTest::cited).toList());
    }

    @Test
    void a_java_string_naming_a_page_is_not_read_as_a_section() throws IOException {
        Path root = miniRepository();
        write(root.resolve("src/Reads.java"), cited("""
                class Reads {
                    String text = read("DOCS/rules.md");
                    String title = "DOCS/rules.md names " + "the scope";
                }
                """));

        assertThat(problems(root)).isEmpty();
        assertThat(citationCount(root)).isEqualTo(2);
    }

    // ---- the check ----

    /** Every citation or link of the repository at {@code root} that leads nowhere, as {@code file:line cites …: why}. */
    static List<String> problems(Path root) throws IOException {
        Map<String, List<String>> headings = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : textFiles(root)) {
            String text = read(file);
            if (text == null) {
                continue;
            }
            String where = root.relativize(file).toString().replace('\\', '/');
            Matcher m = CITATION.matcher(text);
            while (m.find()) {
                String page = m.group(1) + ".md";
                String section = m.group(2) != null ? CONTINUATION.matcher(m.group(2)).replaceAll(" ").trim() : m.group(3);
                String at = where + ":" + line(text, m.start());
                List<String> known = headings.computeIfAbsent(page, p -> headingsOf(root.resolve("docs").resolve(p)));
                if (known == null) {
                    problems.add(at + " cites docs/" + page + ": no such page");
                } else if (section != null && known.stream().noneMatch(h -> names(h, section))) {
                    problems.add(at + " cites docs/" + page + " \"" + section + "\": no such heading in docs/" + page);
                }
            }
            if (file.getParent().equals(root.resolve("docs")) && where.endsWith(".md")) {
                problems.addAll(deadLinks(root, file, where, text));
            }
        }
        return problems;
    }

    static int citationCount(Path root) throws IOException {
        int count = 0;
        for (Path file : textFiles(root)) {
            String text = read(file);
            if (text != null) {
                count += (int) CITATION.matcher(text).results().count();
            }
        }
        return count;
    }

    /** Whether a heading is the one a citation names: the same text, or the text with a qualifier after it. */
    private static boolean names(String heading, String section) {
        return heading.equals(section) || heading.startsWith(section + " (") || heading.startsWith(section + " — ");
    }

    private static List<String> deadLinks(Path root, Path file, String where, String text) {
        List<String> problems = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String target = m.group(1);
            if (target.matches("[a-z]+:.*") || target.startsWith("#")) {
                continue;
            }
            int hash = target.indexOf('#');
            Path linked = file.getParent().resolve(hash < 0 ? target : target.substring(0, hash)).normalize();
            String at = where + ":" + line(text, m.start());
            if (!Files.exists(linked)) {
                problems.add(at + " links to " + target + ": no such file");
            } else if (hash >= 0) {
                String anchor = target.substring(hash + 1);
                List<String> known = headingsOf(linked);
                if (known == null || known.stream().noneMatch(h -> slug(h).equals(anchor))) {
                    problems.add(at + " links to " + target + ": no such heading in " + root.relativize(linked).toString().replace('\\', '/'));
                }
            }
        }
        return problems;
    }

    /** The anchor a Markdown renderer gives a heading: lower case, punctuation dropped, spaces as hyphens. */
    private static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    /** A page's headings, outside code blocks; {@code null} when the page does not exist. */
    private static List<String> headingsOf(Path page) {
        if (!Files.isRegularFile(page)) {
            return null;
        }
        List<String> headings = new ArrayList<>();
        boolean fenced = false;
        for (String line : readOrFail(page).split("\\R")) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                Matcher h = HEADING.matcher(line);
                if (h.matches()) {
                    headings.add(h.group(1));
                }
            }
        }
        return headings;
    }

    private static List<Path> textFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> root.relativize(f).toString().replace('\\', '/').matches("(?:[^./][^/]*/)*[^/]+")) // no hidden folder
                    .filter(f -> !root.relativize(f).toString().replace('\\', '/').matches("(?:.*/)?target/.*"))
                    .filter(f -> TEXT_FILES.contains(extension(f)))
                    .sorted()
                    .toList();
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /** The file as UTF-8 text, or {@code null} when it is not UTF-8 (a GBK sample, say: it cites nothing). */
    private static String read(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String readOrFail(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The checkout this test runs in: the nearest folder up with docs/README.md and a pom.xml. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/README.md")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder with docs/README.md and pom.xml above " + Path.of("").toAbsolutePath());
    }

    // ---- a repository made up for the check's own tests ----

    @TempDir
    Path temp;

    /** Citations written {@code DOCS/…} in this file, so that the check of the real repository does not read them. */
    private static String cited(String text) {
        return text.replace("DOCS/", "docs/");
    }

    private Path miniRepository() throws IOException {
        write(temp.resolve("docs").resolve("rules.md"), """
                # Rules

                ## Scope

                ```
                ## Tiers
                ```

                ## Parcel metrics (unit `PARCEL`)

                ## 赣州 — 赣州市人民政府关于加快电子商务产业发展的实施意见
                """);
        write(temp.resolve("target/Old.java"), cited("// DOCS/gone.md \"stale build output\"\n"));
        write(temp.resolve(".cifuzz-corpus/input.txt"), cited("DOCS/gone.md\n"));
        return temp;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}

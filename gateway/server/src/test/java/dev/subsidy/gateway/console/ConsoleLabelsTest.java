package dev.subsidy.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every label the console's pages name is in the dictionary in both languages, so a page never shows
 * a bare key, and neither language has a label the other lacks.
 */
class ConsoleLabelsTest {

    private static final Path CONSOLE = Path.of("src", "main", "resources", "static", "console");
    /** How the pages name a label: t('key'), button('key'), field('key'), a table column ['key', and data-i18n. */
    private static final Pattern USE = Pattern.compile(
            "(?:\\bt\\(|\\bbutton\\(|\\bfield\\(|\\[)'([A-Za-z][\\w.]*)'|data-i18n=\"([\\w.]+)\"");
    /** How the pages add themselves: export default { id: 'connectors', … } labelled nav.connectors. */
    private static final Pattern PAGE = Pattern.compile("export default \\{ id: '(\\w+)'");
    private static final Pattern ENTRY = Pattern.compile("(?m)(?:^\\s*|[{,]\\s*)'?([A-Za-z][\\w.]*)'?\\s*:\\s*[('`\"]");

    @Test
    void everyLabelThePagesNameIsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CONSOLE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher use = USE.matcher(text);
                while (use.find()) {
                    used.add(use.group(1) != null ? use.group(1) : use.group(2));
                }
                Matcher page = PAGE.matcher(text);
                while (page.find()) {
                    used.add("nav." + page.group(1));
                }
            }
        }
        // the status filter's own values, shown as they are
        used.remove("FAILED");
        String dictionary = Files.readString(CONSOLE.resolve("i18n.js"), StandardCharsets.UTF_8);
        int english = dictionary.indexOf("\n  en: {");
        Set<String> chinese = entries(dictionary.substring(dictionary.indexOf("\n  zh: {"), english));
        Set<String> englishEntries = entries(dictionary.substring(english));

        assertThat(used).hasSizeGreaterThan(50);
        assertThat(chinese).containsAll(used).isEqualTo(englishEntries);
    }

    private static Set<String> entries(String language) {
        Set<String> keys = new TreeSet<>();
        Matcher entry = ENTRY.matcher(language.substring(language.indexOf('{') + 1, language.indexOf("\n  },")));
        while (entry.find()) {
            keys.add(entry.group(1));
        }
        return keys;
    }
}

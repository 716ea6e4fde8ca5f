package dev.subsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contracts in docs/ against the policies they describe: administrators fill the registry from
 * docs/registry.md, so an attribute a policy reads and the table does not list would be silently missing
 * from every registry; and none of these files may send a reader outside the repository.
 */
class PolicyDocsTest {

    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern ID = Pattern.compile("[a-z]+(?:-[a-z0-9]+)+");
    /** Paths of the material the project was built from, which a user's clone does not have. */
    private static final Pattern OUTSIDE = Pattern.compile("[.][.]/shared|/w[o]rk/|shared/(?:contracts|domain|seeds|data)/");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");

    private final Path docs = PolicyFiles.dir().getParent().getParent().resolve("docs");
    private final List<Policy> policies = new PolicyLoader().loadDirectory(PolicyFiles.dir());

    @Test
    void the_registry_table_lists_every_attribute_a_policy_reads_with_exactly_the_rules_that_read_it() throws IOException {
        SortedMap<String, SortedSet<String>> read = new TreeMap<>();
        for (Policy policy : policies) {
            policy.registryAttributes().forEach((name, ids) -> read.computeIfAbsent(name, k -> new TreeSet<>()).addAll(ids));
        }

        SortedMap<String, SortedSet<String>> documented = attributeTable(docs.resolve("registry.md"));

        assertThat(read).as("policies read registry attributes").isNotEmpty();
        assertThat(documented.keySet()).as("attributes in the table of docs/registry.md")
                .containsExactlyElementsOf(read.keySet());
        read.forEach((name, ids) -> assertThat(documented.get(name))
                .as("rules and provisions docs/registry.md names for " + name).containsExactlyElementsOf(ids));
    }

    @Test
    void the_readings_name_every_policy_rule_and_provision() throws IOException {
        String readings = Files.readString(docs.resolve("policy-readings.md"), StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>();
        for (Policy policy : policies) {
            ids.add(policy.id());
            policy.rules().forEach(r -> ids.add(r.id()));
            policy.provisions().forEach(p -> ids.add(p.id()));
        }

        assertThat(ids).hasSizeGreaterThan(policies.size())
                .allSatisfy(id -> assertThat(readings).as("docs/policy-readings.md").contains("`" + id + "`"));
    }

    @Test
    void the_docs_and_policy_files_cite_nothing_outside_the_repository() throws IOException {
        Path root = docs.getParent();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> md = Files.list(docs); Stream<Path> yml = Files.list(PolicyFiles.dir())) {
            md.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
            yml.forEach(files::add);
        }
        files.add(root.resolve("gateway/policy/README.md"));

        assertThat(files).hasSizeGreaterThan(5);
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(OUTSIDE.matcher(text).find()).as(root.relativize(file) + " cites a path outside the repository")
                    .isFalse();
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                if (link.group(1).contains("://")) {
                    continue;
                }
                Path target = file.getParent().resolve(link.group(1)).normalize();
                assertThat(target.startsWith(root) && Files.exists(target))
                        .as(root.relativize(file) + " links to " + link.group(1)).isTrue();
            }
        }
    }

    /** The table whose header starts "| attribute |": name → the ids in its last column. */
    private static SortedMap<String, SortedSet<String>> attributeTable(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int header = -1;
        for (int i = 0; i < lines.size() && header < 0; i++) {
            if (lines.get(i).startsWith("| attribute |")) {
                header = i;
            }
        }
        assertThat(header).as("a table headed '| attribute |' in " + file).isNotNegative();
        SortedMap<String, SortedSet<String>> table = new TreeMap<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            Matcher name = TICKED.matcher(cells[1]);
            assertThat(name.find()).as("attribute name in row: " + lines.get(i)).isTrue();
            SortedSet<String> ids = new TreeSet<>();
            Matcher ticked = TICKED.matcher(cells[cells.length - 1]);
            while (ticked.find()) {
                if (ID.matcher(ticked.group(1)).matches()) {
                    ids.add(ticked.group(1));
                }
            }
            assertThat(table.put(name.group(1), ids)).as(name.group(1) + " listed twice").isNull();
        }
        return table;
    }
}

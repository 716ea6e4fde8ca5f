package dev.subsidy.policy;

import dev.subsidy.policy.internal.PolicyReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads policy files (YAML, UTF-8) and checks them: unknown fields, metrics, rule kinds or subject types;
 * missing amounts; overlapping, unordered or gapped tiers and steps; bad dates; references to rules that
 * do not exist. Every problem is reported with the file, line and reason, all at once.
 *
 * <p>Stateless and thread-safe.
 */
public final class PolicyLoader {

    /**
     * Checks a policy file without loading it, for a validate endpoint.
     *
     * @return every problem found; empty when the file is usable
     */
    public List<PolicyProblem> validate(String yaml, String fileName) {
        return PolicyReader.read(yaml, fileName).problems();
    }

    /** @throws PolicyValidationException listing every problem of the file */
    public Policy parse(String yaml, String fileName) {
        PolicyReader.Result result = PolicyReader.read(yaml, fileName);
        if (!result.problems().isEmpty()) {
            throw new PolicyValidationException(result.problems());
        }
        return result.policy();
    }

    /**
     * @throws PolicyValidationException listing every problem of the file
     * @throws UncheckedIOException      when the file cannot be read
     */
    public Policy load(Path file) {
        return parse(read(file), file.getFileName().toString());
    }

    /**
     * Loads every {@code *.yml} and {@code *.yaml} file of a folder, in name order. Rule ids must be unique
     * across files, since the award intake knows a rule by its id alone.
     *
     * @throws PolicyValidationException listing every problem of every file
     */
    public List<Policy> loadDirectory(Path dir) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Policy> policies = new ArrayList<>();
        List<PolicyProblem> problems = new ArrayList<>();
        Map<String, String> ruleFiles = new HashMap<>();
        Map<String, String> policyFiles = new HashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            PolicyReader.Result result = PolicyReader.read(read(file), name);
            problems.addAll(result.problems());
            if (result.policy() == null) {
                continue;
            }
            Policy policy = result.policy();
            String other = policyFiles.putIfAbsent(policy.id(), name);
            if (other != null) {
                problems.add(new PolicyProblem(name, 1, 1, "/id", "policy id " + policy.id() + " is also used in " + other));
            }
            for (Rule rule : policy.rules()) {
                String first = ruleFiles.putIfAbsent(rule.id(), name);
                if (first != null) {
                    problems.add(new PolicyProblem(name, 1, 1, "/rules", "rule id " + rule.id() + " is also used in " + first));
                }
            }
            policies.add(policy);
        }
        if (!problems.isEmpty()) {
            throw new PolicyValidationException(problems);
        }
        return List.copyOf(policies);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

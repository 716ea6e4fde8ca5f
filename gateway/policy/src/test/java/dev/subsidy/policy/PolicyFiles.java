package dev.subsidy.policy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real policy files of config/policies, found from the module folder or the repository root. */
final class PolicyFiles {

    private static final PolicyLoader LOADER = new PolicyLoader();

    private PolicyFiles() {
    }

    static Path dir() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path candidate = p.resolve("config").resolve("policies");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("config/policies not found in " + start + " or any folder above it;"
                + " run the tests from the repository (mvn -pl gateway/policy verify)");
    }

    static Policy load(String fileName) {
        return LOADER.load(dir().resolve(fileName));
    }
}

package dev.subsidy.runtime.definition;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting that names an environment variable instead of holding a value: {@code ${env:NAME}}.
 * The whole value must be the reference (no text around it), so that what is stored and returned
 * is the name only.
 */
public final class EnvReference {

    /** POSIX-style names: what every shell and container runtime accepts. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{env:(" + NAME.pattern() + ")}");

    private EnvReference() {}

    /** The variable's name when the whole value is a reference. */
    public static Optional<String> variable(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = REFERENCE.matcher(value.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** {@code ${env:NAME}}. */
    public static String of(String name) {
        return "${env:" + name + "}";
    }
}

package dev.subsidy.connector.api;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A connector's validated settings, typed, with defaults applied. Made by
 * {@link ConfigDef#parse(Map)}; a running connector gets it from {@link ConnectorContext#config()}.
 *
 * <p>Reading a name the descriptor does not define is a programming error and throws, so a typo in a
 * connector shows up in its first test. Secret settings are read only with {@link #secret(String)};
 * the other getters refuse them, and {@link #toString()} hides their values. Immutable and
 * thread-safe.
 */
public final class ConnectorConfig {

    private final ConfigDef def;
    private final Map<String, String> values;

    ConnectorConfig(ConfigDef def, Map<String, String> values) {
        this.def = def;
        this.values = Collections.unmodifiableMap(values);
    }

    /** The descriptor these settings were validated against. */
    public ConfigDef definition() {
        return def;
    }

    /** The text value of a non-secret setting, if it is set or has a default. */
    public Optional<String> find(String name) {
        ConfigDef.Setting s = plain(name);
        return Optional.ofNullable(values.get(s.name()));
    }

    /** The text value of a non-secret setting; throws when it is neither set nor defaulted. */
    public String getString(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("setting '" + name + "' has no value"));
    }

    public int getInt(String name) {
        return Integer.parseInt(getString(name).trim());
    }

    public long getLong(String name) {
        return Long.parseLong(getString(name).trim());
    }

    public boolean getBoolean(String name) {
        return Boolean.parseBoolean(getString(name).trim().toLowerCase(Locale.ROOT));
    }

    public Duration getDuration(String name) {
        return ConfigDef.parseDuration(getString(name)).orElseThrow();
    }

    public URI getUrl(String name) {
        return URI.create(getString(name).trim());
    }

    /** A list setting; empty when the setting is not set. */
    public List<String> getList(String name) {
        return find(name).map(ConfigDef::splitList).orElse(List.of());
    }

    /**
     * The value of a secret setting. Reveal it only where it is used; never log it.
     *
     * @throws IllegalArgumentException when the setting is not defined or not secret
     */
    public Optional<Secret> secret(String name) {
        ConfigDef.Setting s = def.setting(name)
                .orElseThrow(() -> new IllegalArgumentException("no setting named '" + name + "'"));
        if (!s.isSecret()) {
            throw new IllegalArgumentException("setting '" + name + "' is not secret; read it with getString");
        }
        return Optional.ofNullable(values.get(name)).map(Secret::of);
    }

    private ConfigDef.Setting plain(String name) {
        ConfigDef.Setting s = def.setting(name)
                .orElseThrow(() -> new IllegalArgumentException("no setting named '" + name + "'"));
        if (s.isSecret()) {
            throw new IllegalArgumentException("setting '" + name + "' is secret; read it with secret(name)");
        }
        return s;
    }

    /** Shows non-secret values; secret ones as {@code ****}. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + (def.setting(e.getKey()).map(ConfigDef.Setting::isSecret).orElse(true) ? "****" : e.getValue()))
                .collect(Collectors.joining(", ", "ConnectorConfig{", "}"));
    }
}

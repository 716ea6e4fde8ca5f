package dev.subsidy.gateway.logging;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code gateway.logging.json=true}: the console and the log file write one JSON object a line in
 * Elastic Common Schema, with the log context (connector, batch, period) as fields, which a log
 * collector reads without parsing messages (docs/operations.md "Logs"). Runs before the logging
 * system starts; a {@code logging.structured.format.*} set explicitly still wins.
 */
public class JsonLogging implements EnvironmentPostProcessor, Ordered {

    static final String SETTING = "gateway.logging.json";
    static final String FORMAT = "ecs";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String json = environment.getProperty(SETTING, "false").strip().toLowerCase(Locale.ROOT);
        if (!json.equals("true") && !json.equals("false")) {
            throw new IllegalArgumentException(SETTING + " must be true or false, was '" + json + "'");
        }
        if (json.equals("true")) {
            Map<String, Object> structured = new HashMap<>();
            structured.put("logging.structured.format.console", FORMAT);
            structured.put("logging.structured.format.file", FORMAT);
            environment.getPropertySources().addLast(new MapPropertySource("gateway-json-logging", structured));
        }
    }

    @Override
    public int getOrder() {
        // after the configuration files are read, so a gateway.logging.json there counts
        return Ordered.LOWEST_PRECEDENCE;
    }
}

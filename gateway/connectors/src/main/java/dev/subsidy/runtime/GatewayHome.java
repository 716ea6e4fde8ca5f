package dev.subsidy.runtime;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The gateway's home folder ({@code gateway.home}), under which the runtime keeps its inbox,
 * plugins and the mappings added through the API. Given by the application that hosts the runtime.
 */
public record GatewayHome(Path path) {

    public GatewayHome {
        Objects.requireNonNull(path, "path");
    }
}

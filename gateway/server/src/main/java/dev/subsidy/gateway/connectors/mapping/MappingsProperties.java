package dev.subsidy.gateway.connectors.mapping;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.mappings.*}: where the operator's mappings are. Every default is written here.
 *
 * @param dir folder of {@code *.jslt} mappings read at startup: the repository's {@code mappings/}
 *     when the gateway runs from the repository root. A missing folder means none; the copies in the
 *     gateway's jar still serve, and mappings added through the API (kept under
 *     {@code ${gateway.home}/mappings}) override both
 */
@Validated
@ConfigurationProperties("gateway.mappings")
public record MappingsProperties(@NotNull @DefaultValue("mappings") Path dir) {
}

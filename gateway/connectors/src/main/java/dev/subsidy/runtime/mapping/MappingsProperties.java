package dev.subsidy.runtime.mapping;

import dev.subsidy.mapping.MappingLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.mappings.*}: where the operator's mappings are, and the sandbox every mapping runs
 * in. Every default is written here.
 *
 * @param dir folder of {@code *.jslt} mappings read at startup: the repository's {@code mappings/}
 *     when the gateway runs from the repository root. A missing folder means none; the copies in the
 *     gateway's jar still serve, and mappings added through the API (kept under
 *     {@code ${gateway.home}/mappings}) override both
 * @param maxTextBytes the longest mapping text, in UTF-8 bytes (the largest shipped is under 4 KB)
 * @param maxDepth how deeply a mapping's brackets may nest, and how deep one record's evaluation may
 *     go in nested expressions, counting through function calls (the shipped ones stay under 20). At
 *     most 1000: a thread's stack holds about three times that
 * @param maxOutputBytes the largest output (its standard records as JSON) a mapping may give for one
 *     record; no value it builds may be larger than this or twice its record
 * @param recordTimeBudget how long a mapping may work on one record, in processor time (the
 *     gateway's load does not spend it): over it, the record is rejected with that reason and the work
 *     stops; the connector goes on with its next record
 */
@Validated
@ConfigurationProperties("gateway.mappings")
public record MappingsProperties(
        @NotNull @DefaultValue("mappings") Path dir,
        @Min(1) @Max(16 * 1024 * 1024) @DefaultValue("65536") int maxTextBytes,
        @Min(1) @Max(1000) @DefaultValue("200") int maxDepth,
        @Min(1024) @DefaultValue("1048576") int maxOutputBytes,
        @NotNull @DurationMin(millis = 1) @DurationMax(minutes = 10) @DefaultValue("1s") Duration recordTimeBudget) {

    /** The sandbox's limits. */
    public MappingLimits limits() {
        return new MappingLimits(maxTextBytes, maxDepth, maxOutputBytes, recordTimeBudget);
    }
}

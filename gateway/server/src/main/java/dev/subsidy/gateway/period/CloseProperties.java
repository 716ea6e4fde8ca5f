package dev.subsidy.gateway.period;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.close.*}.
 *
 * @param bytesPerRecord heap a close needs per record it reads, with its verdict and its share of the
 *     figures (measured at -Xmx1g: 1.3 million records of 25,000 shops closed in 41 s, their content hashes left
 *     unread and equal times shared; before that they ran out): a period whose records need more than the heap
 *     has is refused once its read passes that (503, rolled back) rather than run out of memory half-way
 */
@Validated
@ConfigurationProperties("gateway.close")
public record CloseProperties(@Min(1) @DefaultValue("650") long bytesPerRecord) {}

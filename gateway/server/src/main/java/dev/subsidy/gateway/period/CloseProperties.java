package dev.subsidy.gateway.period;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gateway.close.*}.
 *
 * @param bytesPerRecord heap a close needs per record it reads, with its verdict and its share of the
 *     figures (measured at -Xmx1g: the bench's 2,003,000 records of 25,000 shops closed in 15.9 s, at most 1,014
 *     MiB in use, so (1 GiB less the gateway's 150 MiB) / 2,003,000 = 457 bytes or fewer a record): a period whose
 *     records need more than the heap has is refused once its read passes that (503, rolled back) rather than run
 *     out of memory half-way; now closed a slice at a time (docs/operations.md "Closing a large period")
 * @param slicedAbove where set, a period of more records than this is closed a slice at a time whatever the heap holds:
 *     to bound what a close holds on a gateway that shares its host; unset, only a period the heap cannot hold is
 */
@Validated
@ConfigurationProperties("gateway.close")
public record CloseProperties(@Min(1) @DefaultValue("460") long bytesPerRecord, @Min(0) Long slicedAbove) {

    /** The records a close of a heap of {@code maxHeap} bytes may hold at once before it closes in slices. */
    long holdsAtOnce(long maxHeap) {
        long fit = CloseCapacity.records(bytesPerRecord, maxHeap);
        return slicedAbove == null ? fit : Math.min(fit, slicedAbove);
    }
}

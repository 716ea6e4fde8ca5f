package dev.subsidy.mapping.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * {@code unix-to-iso(seconds)}: unix seconds (a number or digits) to ISO-8601 in China's offset.
 * Milliseconds are refused rather than guessed at: a partner that sends them needs its own
 * mapping, and a silent factor of 1000 would date the record to the year 58,000.
 */
final class UnixToIso extends SimpleFunction {

    /** 100 billion seconds is the year 5138; any larger value is milliseconds sent by mistake. */
    private static final long MAX_SECONDS = 100_000_000_000L;

    UnixToIso() {
        super("unix-to-iso", 1, 1);
    }

    @Override
    public JsonNode call(JsonNode input, JsonNode[] arguments) {
        JsonNode seconds = arguments[0];
        if (absent(seconds)) {
            return NullNode.instance;
        }
        BigDecimal value = Decimals.of(seconds);
        if (value == null || !Decimals.whole(value)) {
            throw refuse(seconds, "is not a whole number of seconds");
        }
        if (value.abs().compareTo(BigDecimal.valueOf(MAX_SECONDS)) >= 0) {
            throw refuse(seconds, "looks like milliseconds; unix-to-iso takes seconds");
        }
        Instant instant = Instant.ofEpochSecond(value.longValueExact());
        return TextNode.valueOf(ChinaTime.iso(OffsetDateTime.ofInstant(instant, ChinaTime.OFFSET)));
    }
}

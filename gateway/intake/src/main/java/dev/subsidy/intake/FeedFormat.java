package dev.subsidy.intake;

import java.util.Locale;
import org.springframework.http.MediaType;

/** The body shapes a feed may post (docs/api.md "Feeds"). */
public enum FeedFormat {
    JSON, NDJSON, CSV;

    /** From the request's Content-Type; anything unrecognised is refused rather than guessed. */
    public static FeedFormat of(MediaType type) {
        if (type == null) {
            throw new UnreadableBodyException("Content-Type is missing: use application/json, "
                    + "application/x-ndjson or text/csv");
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return switch (subtype) {
            case "json" -> JSON;
            case "x-ndjson", "ndjson", "jsonl", "x-jsonlines" -> NDJSON;
            case "csv" -> CSV;
            default -> throw new UnsupportedFormatException("Content-Type " + type.getType() + "/" + subtype
                    + " is not a feed format: use application/json, application/x-ndjson or text/csv");
        };
    }
}

package dev.subsidy.gateway.demo;

import java.util.List;
import java.util.Map;

/**
 * One request a feeder sends to {@code POST /api/v1/feeds/standard/records}: a labelled batch of
 * standard records in one of the three body shapes the gateway takes.
 *
 * @param source who would send such a batch in real life (a carrier's push, a marketplace export …)
 */
record FeedPost(String source, Format format, List<Map<String, Object>> records) {

    enum Format {
        JSON_ARRAY("application/json", "JSON array"),
        NDJSON("application/x-ndjson", "NDJSON"),
        /** GBK like many Chinese exports, and no charset in the Content-Type: the gateway must detect it. */
        CSV_GBK("text/csv", "CSV (GBK)");

        final String contentType;
        final String label;

        Format(String contentType, String label) {
            this.contentType = contentType;
            this.label = label;
        }
    }

    FeedPost {
        records = List.copyOf(records);
    }

    byte[] body() {
        return FeedEncoder.encode(format, records);
    }
}

package dev.subsidy.gateway.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Writes standard records as a JSON array, NDJSON, or CSV with a header row in GBK. */
final class FeedEncoder {

    static final Charset GBK = Charset.forName("GBK");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedEncoder() {}

    static byte[] encode(FeedPost.Format format, List<Map<String, Object>> records) {
        return switch (format) {
            case JSON_ARRAY -> json(records).getBytes(StandardCharsets.UTF_8);
            case NDJSON -> records.stream().map(FeedEncoder::json).collect(Collectors.joining("\n", "", "\n"))
                    .getBytes(StandardCharsets.UTF_8);
            case CSV_GBK -> csv(records).getBytes(GBK);
        };
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("demo records are plain maps and always serialise", e);
        }
    }

    /** The header is every field any record has, in first-seen order; list items are joined with ";". */
    static String csv(List<Map<String, Object>> records) {
        Set<String> header = new LinkedHashSet<>();
        records.forEach(r -> header.addAll(r.keySet()));
        StringBuilder out = new StringBuilder(String.join(",", header)).append("\r\n");
        for (Map<String, Object> record : records) {
            List<String> cells = new ArrayList<>(header.size());
            for (String field : header) {
                Object value = record.get(field);
                cells.add(value == null ? "" : cell(value instanceof Collection<?> items
                        ? items.stream().map(String::valueOf).collect(Collectors.joining(";")) : value.toString()));
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}

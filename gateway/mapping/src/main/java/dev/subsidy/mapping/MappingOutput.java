package dev.subsidy.mapping;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shape check of a mapping's output: an object (one record) or an array of objects (any number,
 * none included). The standard fields themselves are the intake's to check, not the mapping
 * engine's. Immutable.
 *
 * @param records the records when the shape is right, else empty
 * @param problem why the output is not records, or {@code null} when it is
 */
record MappingOutput(List<ObjectNode> records, String problem) {

    static MappingOutput of(JsonNode output) {
        if (output == null || output.isNull() || output.isMissingNode()) {
            return wrong("the mapping gave null: it must give an object or an array of objects");
        }
        if (output.isObject()) {
            return new MappingOutput(List.of((ObjectNode) output), null);
        }
        if (!output.isArray()) {
            return wrong("the mapping gave " + typeOf(output) + ", not an object or an array of objects");
        }
        List<ObjectNode> records = new ArrayList<>(output.size());
        for (int i = 0; i < output.size(); i++) {
            JsonNode item = output.get(i);
            if (!item.isObject()) {
                return wrong("item " + i + " of the mapping's output is " + typeOf(item) + ", not an object");
            }
            records.add((ObjectNode) item);
        }
        return new MappingOutput(records, null);
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /**
     * Whether the records, written as JSON (UTF-8), fit in {@code maxBytes}. Writing stops as soon as
     * they do not, so an output that holds one value many times over costs no more than the limit.
     */
    static boolean fits(List<ObjectNode> records, int maxBytes) {
        Counter counter = new Counter(maxBytes);
        try (JsonGenerator out = JSON.createGenerator(counter)) {
            for (ObjectNode record : records) {
                JSON.writeTree(out, record);
            }
        } catch (TooLarge e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    /** Counts the bytes written and stops past the limit. */
    private static final class Counter extends OutputStream {
        private final long limit;
        private long count;

        Counter(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws TooLarge {
            add(1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws TooLarge {
            add(len);
        }

        private void add(long n) throws TooLarge {
            count += n;
            if (count > limit) {
                throw new TooLarge();
            }
        }
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("over the limit", null);
        }
    }

    private static MappingOutput wrong(String problem) {
        return new MappingOutput(List.of(), problem);
    }

    private static String typeOf(JsonNode node) {
        String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
        return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }
}

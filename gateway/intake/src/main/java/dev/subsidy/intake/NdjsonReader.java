package dev.subsidy.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Newline-delimited JSON: each non-blank line is one record, so a broken line rejects only that
 * record. Index counts non-blank lines from 0.
 */
final class NdjsonReader implements RecordReader {

    /** About how many bytes of the body a shared parser is given: a few thousand lines of a feed. */
    static final int SHARED_SPAN = 1 << 20;

    private final byte[] bytes;
    private final Charset charset;
    private final boolean utf8;
    private final ObjectMapper json;
    private int position;
    private int index;
    private int line;
    /** The parser the lines are read with while each is one object ({@link #shared}); null until one is needed. */
    private JsonParser parser;
    /** Where in the body that parser's bytes begin and end, and where it stands: after the last object it read. */
    private int parserStart;
    private int parserEnd;
    private int parserAt;
    /** Whether the next line may be read by the shared parser: not after a line it could not read. */
    private boolean sharing = true;

    NdjsonReader(String text, ObjectMapper json) {
        this(text.getBytes(StandardCharsets.UTF_8), 0, StandardCharsets.UTF_8, json);
    }

    /**
     * Lines are found in the bytes (LF is never inside a multi-byte character of UTF-8 or GB18030) and
     * decoded one at a time: the body is never held as text.
     *
     * @param bytes text already checked to be {@code charset} from {@code start}
     */
    NdjsonReader(byte[] bytes, int start, Charset charset, ObjectMapper json) {
        this.bytes = bytes;
        this.position = start;
        this.charset = charset;
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.json = json;
    }

    /**
     * The line's JSON, parsed from its bytes when they are exactly its text's UTF-8 ({@code exact}: nearly every line
     * of a feed), as Jackson's parser over bytes is the faster one (docs/operations.md "Database"): by the parser the
     * lines before it were read with when it can ({@link #shared}), else by one of its own. A line with other bytes,
     * or one that does not parse, is parsed from its text, as it always was: Jackson words some errors differently
     * over bytes, and a line's rejection reads the same whichever way it came.
     */
    private JsonNode tree(String raw, int from, int length, boolean exact) throws JsonProcessingException {
        if (exact && !zeroAmongFirstFour(from, length)) {
            ObjectNode object = shared(from, from + length);
            if (object != null) {
                return object;
            }
            try {
                return alone(json.readTree(bytes, from, length));
            } catch (IOException | NumberFormatException e) {
                // read again below, from the text, for the error as its text gives it
            }
        }
        return alone(json.readTree(raw));
    }

    /** A line read on its own; one that is an object lets the next line be read by a shared parser again. */
    private JsonNode alone(JsonNode node) {
        sharing |= node instanceof ObjectNode;
        return node;
    }

    /**
     * The object the line holds, read by a parser shared with the lines before it, or null when the line is not
     * one object from its first byte to its last, or that parser cannot read it: then the line is read on its own.
     * A parser per line cost more than reading its record: Jackson's parser, its context and buffers, about 860 bytes
     * a line. A shared parser reads on past the end of a line when the line's object does not end there (a value
     * spread over lines, a broken one): its bytes end at a line's end some {@link #SHARED_SPAN} on, so it never holds
     * more than that of a body, and after a line it could not read, the next lines are read on their own until one
     * is an object.
     */
    private ObjectNode shared(int from, int to) {
        if (!sharing) {
            return null;
        }
        try {
            if (parser == null || to > parserEnd || !jsonWhitespace(parserAt, from)) {
                closeParser();
                parserEnd = lineEnd(Math.max(to, Math.min(bytes.length, from + SHARED_SPAN)));
                parser = json.getFactory().createParser(bytes, from, parserEnd - from);
                parserStart = from;
            }
            JsonNode node = json.readTree(parser);
            parserAt = parserStart + (int) parser.currentLocation().getByteOffset();
            if (node instanceof ObjectNode object && parserAt == to) {
                return object;
            }
        } catch (IOException | RuntimeException e) {
            // the line is read on its own, which words its problem as it always has
        }
        sharing = false;
        closeParser();
        return null;
    }

    /** Whether only JSON's white space (space, tab, CR, LF) lies from {@code start} to {@code end}. */
    private boolean jsonWhitespace(int start, int end) {
        if (start > end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Where the line that {@code at} lies in ends: its LF, or the end of the body. */
    private int lineEnd(int at) {
        int end = at;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        return end;
    }

    private void closeParser() {
        if (parser != null) {
            try {
                // gives its buffers back to be used by the next
                parser.close();
            } catch (IOException e) {
                // a parser over bytes has nothing to fail to close
            }
            parser = null;
        }
    }

    @Override
    public List<BodyRecord> next(int max) {
        List<BodyRecord> out = new ArrayList<>(Math.min(max, 1024));
        while (position < bytes.length && out.size() < max) {
            int end = position;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            // whitespace bytes are never part of a character in UTF-8 or GB18030, so the ends trim as bytes; strip()
            // then takes what only the text shows (U+3000 and the like)
            int from = position;
            int to = end;
            while (from < to && whitespace(bytes[from])) {
                from++;
            }
            while (to > from && whitespace(bytes[to - 1])) {
                to--;
            }
            String text = new String(bytes, from, to - from, charset);
            String raw = text.strip();
            position = end + 1;
            line++;
            if (raw.isEmpty()) {
                continue;
            }
            int i = index++;
            // the bytes are the text's UTF-8 when they are plain ASCII (each byte a character), or when they are UTF-8
            // and nothing was stripped
            boolean exact = raw.length() == to - from || utf8 && raw.length() == text.length();
            try {
                JsonNode node = tree(raw, from, to - from, exact);
                if (node instanceof ObjectNode object) {
                    out.add(BodyRecord.of(i, object, raw));
                } else {
                    out.add(BodyRecord.unreadable(i, raw, "line " + line + " is not a JSON object"));
                }
            } catch (JsonProcessingException e) {
                out.add(BodyRecord.unreadable(i, raw, "line " + line + " is not valid JSON: " + e.getOriginalMessage()));
            } catch (NumberFormatException e) {
                // a number Jackson cannot hold as a decimal (1.5e40339…: too many exponent digits)
                out.add(BodyRecord.unreadable(i, raw, "line " + line + " holds a number that cannot be read: " + e.getMessage()));
            }
        }
        if (position >= bytes.length) {
            closeParser();
        }
        return out;
    }

    /**
     * Whether a NUL is among the line's first four bytes: Jackson tells UTF-16 and UTF-32 from UTF-8 by the zero bytes
     * there, and would read such a line as text the line is not.
     */
    private boolean zeroAmongFirstFour(int from, int length) {
        for (int i = from; i < from + Math.min(4, length); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** What {@link String#strip()} takes from the ends among ASCII. */
    private static boolean whitespace(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F);
    }
}

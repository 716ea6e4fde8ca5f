package dev.subsidy.connector.signers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Douyin's {@code param_json} as its SDK signs it ({@code com.doudian.open.utils.SignUtil.sign}, which
 * sorts the parsed object and writes it with Gson). The rules, each pinned by a vector computed with
 * that code ({@code OfficialSdkVectorsTest}):
 * <ul>
 *   <li>the keys of the top object, and of every object reached through objects only, are sorted
 *       ({@link String#compareTo}: by UTF-16 code unit, so {@code "B"} before {@code "_"} before
 *       {@code "a"});</li>
 *   <li>an array whose <em>first</em> element is an object becomes the list of its object elements, each
 *       sorted: its other elements (numbers, strings, {@code null}, arrays) are left out of the signed
 *       text (not of what is sent);</li>
 *   <li>any other array is written as received: objects inside it, or inside nested arrays, keep their
 *       key order;</li>
 *   <li>strings are escaped as Gson does by default: {@code "} and {@code \}, {@code \b \f \n \r \t},
 *       other control characters, U+2028, U+2029 and, for HTML safety, {@code < > & = '} as a
 *       lower-case six-character escape ({@code &#92;u003d} for {@code =}); everything else (Chinese,
 *       {@code /}, DEL) as is;</li>
 *   <li>numbers are written exactly as received ({@code 1.50}, {@code -0}, {@code 1E+2}), {@code null}
 *       members are kept, and there is no whitespace.</li>
 * </ul>
 * The text must be one JSON object in strict syntax; a key repeated in one object is refused, since
 * which of the two the platform would read is not known.
 */
final class DoudianParamJson {

    /** Deeper nesting is refused rather than risking the stack on a hostile definition. */
    private static final int MAX_DEPTH = 200;

    private sealed interface Node permits Obj, Arr, Scalar, Str {
    }

    /** Members in received order. */
    private record Obj(Map<String, Node> members) implements Node {
    }

    private record Arr(List<Node> items) implements Node {
    }

    /** A number, {@code true}, {@code false} or {@code null}, as written. */
    private record Scalar(String text) implements Node {
    }

    /** A string's decoded value. */
    private record Str(String value) implements Node {
    }

    private final String text;
    private int pos;

    private DoudianParamJson(String text) {
        this.text = text;
    }

    /**
     * The text Douyin's SDK signs for this {@code param_json}.
     *
     * @throws IllegalArgumentException when the text is not one JSON object, or an object repeats a key
     */
    static String signedText(String json) {
        DoudianParamJson parser = new DoudianParamJson(json);
        parser.skipWhitespace();
        Node root = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos != json.length()) {
            throw parser.error("unexpected text after the value");
        }
        if (!(root instanceof Obj object)) {
            throw new IllegalArgumentException("param_json must be a JSON object");
        }
        StringBuilder out = new StringBuilder(json.length());
        writeSorted(object, out);
        return out.toString();
    }

    // ---- writing, as the SDK does ----

    private static void writeSorted(Obj object, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Node> member : new TreeMap<>(object.members()).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(member.getKey(), out);
            out.append(':');
            Node value = member.getValue();
            if (value instanceof Obj nested) {
                writeSorted(nested, out);
            } else if (value instanceof Arr array && !array.items().isEmpty() && array.items().get(0) instanceof Obj) {
                writeObjectsOnly(array, out);
            } else {
                writeAsReceived(value, out);
            }
        }
        out.append('}');
    }

    private static void writeObjectsOnly(Arr array, StringBuilder out) {
        out.append('[');
        boolean first = true;
        for (Node item : array.items()) {
            if (item instanceof Obj object) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeSorted(object, out);
            }
        }
        out.append(']');
    }

    private static void writeAsReceived(Node node, StringBuilder out) {
        if (node instanceof Obj object) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Node> member : object.members().entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(member.getKey(), out);
                out.append(':');
                writeAsReceived(member.getValue(), out);
            }
            out.append('}');
        } else if (node instanceof Arr array) {
            out.append('[');
            for (int i = 0; i < array.items().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeAsReceived(array.items().get(i), out);
            }
            out.append(']');
        } else if (node instanceof Scalar scalar) {
            out.append(scalar.text());
        } else {
            writeString(((Str) node).value(), out);
        }
    }

    /** Gson's default ("HTML-safe") string escaping. */
    private static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '=', '\'', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    // ---- reading, strict JSON ----

    private Node value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> new Str(string());
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private Obj object(int depth) {
        pos++; // {
        Map<String, Node> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new Obj(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a key");
            }
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (members.put(key, value(depth + 1)) != null) {
                throw error("key repeated in an object");
            }
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return new Obj(members);
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private Arr array(int depth) {
        pos++; // [
        List<Node> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new Arr(items);
        }
        while (true) {
            skipWhitespace();
            items.add(value(depth + 1));
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return new Arr(items);
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    /** Reads a string and returns its decoded value. */
    private String string() {
        pos++; // opening quote
        StringBuilder decoded = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return decoded.toString();
            }
            if (c < 0x20) {
                throw error("raw control character in a string");
            }
            if (c != '\\') {
                decoded.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> decoded.append(e);
                case 'b' -> decoded.append('\b');
                case 'f' -> decoded.append('\f');
                case 'n' -> decoded.append('\n');
                case 'r' -> decoded.append('\r');
                case 't' -> decoded.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("short \\u escape");
                    }
                    try {
                        decoded.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private Scalar number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else {
            digits();
        }
        if (peek() == '.') {
            pos++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits();
        }
        return new Scalar(text.substring(start, pos));
    }

    private void digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw error("expected a digit");
        }
    }

    private Scalar literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
        return new Scalar(word);
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at offset " + pos);
    }
}

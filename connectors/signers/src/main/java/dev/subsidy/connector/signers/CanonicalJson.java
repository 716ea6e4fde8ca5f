package dev.subsidy.connector.signers;

import java.util.Map;
import java.util.TreeMap;

/**
 * Rewrites JSON text in the canonical form Douyin signs: object keys sorted (by UTF-16 code units, the
 * order of {@link String#compareTo}) at every level, array order kept, no whitespace between tokens,
 * numbers exactly as written, strings re-escaped minimally ({@code "}, {@code \}, and control characters;
 * everything else, Chinese included, as is).
 */
final class CanonicalJson {

    private final String text;
    private int pos;

    private CanonicalJson(String text) {
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException when the text is not one JSON value, or an object repeats a key
     */
    static String canonical(String json) {
        CanonicalJson p = new CanonicalJson(json);
        StringBuilder out = new StringBuilder(json.length());
        p.skipWhitespace();
        p.value(out);
        p.skipWhitespace();
        if (p.pos != json.length()) {
            throw p.error("unexpected text after the value");
        }
        return out.toString();
    }

    private void value(StringBuilder out) {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{' -> object(out);
            case '[' -> array(out);
            case '"' -> string(out);
            case 't' -> literal(out, "true");
            case 'f' -> literal(out, "false");
            case 'n' -> literal(out, "null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number(out);
                } else {
                    throw error("unexpected character '" + c + "'");
                }
            }
        }
    }

    private void object(StringBuilder out) {
        pos++; // {
        Map<String, String> members = new TreeMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            out.append("{}");
            return;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a key");
            }
            StringBuilder key = new StringBuilder();
            String decodedKey = string(key);
            skipWhitespace();
            expect(':');
            skipWhitespace();
            StringBuilder v = new StringBuilder();
            value(v);
            if (members.put(decodedKey, key + ":" + v) != null) {
                throw error("key repeated in an object");
            }
            skipWhitespace();
            char c = next();
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
        out.append('{').append(String.join(",", members.values())).append('}');
    }

    private void array(StringBuilder out) {
        pos++; // [
        out.append('[');
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            out.append(']');
            return;
        }
        boolean first = true;
        while (true) {
            skipWhitespace();
            if (!first) {
                out.append(',');
            }
            value(out);
            first = false;
            skipWhitespace();
            char c = next();
            if (c == ']') {
                break;
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
        }
        out.append(']');
    }

    /** Reads a string, appends its canonical form, returns its decoded value. */
    private String string(StringBuilder out) {
        pos++; // opening quote
        StringBuilder decoded = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                break;
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
        out.append('"');
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
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
        return decoded.toString();
    }

    private void number(StringBuilder out) {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        digits();
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
        out.append(text, start, pos);
    }

    private void digits() {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
            pos++;
        }
        if (pos == start) {
            throw error("expected a digit");
        }
    }

    private void literal(StringBuilder out, String word) {
        if (!text.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
        out.append(word);
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

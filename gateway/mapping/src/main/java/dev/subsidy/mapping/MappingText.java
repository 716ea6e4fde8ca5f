package dev.subsidy.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * A cheap pass over a mapping's text before JSLT's parser sees it, which finds what the parser would
 * only meet too late: a text over its size, brackets nested so deeply that the parser (a recursive
 * descent) would overflow the stack, text repeated by {@code *} (which JSLT folds while compiling, so
 * {@code "x" * 2000000000} would take the memory before any record is mapped), and the imports, so
 * that each can be checked by name and refused where it is written. Strings and {@code //} comments
 * are skipped as JSLT's lexer skips them: a bracket inside either counts for nothing. Stateless.
 */
final class MappingText {

    /** An {@code import "…" as p} of the text: the string as written, and where the import starts. */
    record Import(String name, int line, int column, boolean escaped) {}

    /** What the pass found: the imports, and the first problem (null when none). */
    record Scan(List<Import> imports, MappingProblem problem) {}

    private final String origin;
    private final String text;
    private final MappingLimits limits;

    private int index;
    private int line = 1;
    private int column = 1;

    private MappingText(String origin, String text, MappingLimits limits) {
        this.origin = origin;
        this.text = text;
        this.limits = limits;
    }

    /** The imports and the first problem of a text under these limits. */
    static Scan scan(String origin, String text, MappingLimits limits) {
        return new MappingText(origin, text, limits).run();
    }

    /** The imports of a text, whatever its problems. */
    static List<Import> imports(String text) {
        return new MappingText("", text, null).run().imports();
    }

    private enum Token { NONE, STRING, STAR, OTHER }

    private Scan run() {
        List<Import> imports = new ArrayList<>();
        MappingProblem size = limits == null ? null : size();
        if (size != null) {
            return new Scan(imports, size);
        }
        int depth = 0;
        Token previous = Token.NONE;
        int[] importAt = null;
        while (index < text.length()) {
            char c = text.charAt(index);
            int startLine = line;
            int startColumn = column;
            if (c == '/' && index + 1 < text.length() && text.charAt(index + 1) == '/') {
                while (index < text.length() && text.charAt(index) != '\n' && text.charAt(index) != '\r') {
                    advance();
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                advance();
                continue;
            }
            if (c == '"') {
                boolean escaped = false;
                StringBuilder content = new StringBuilder();
                advance();
                while (index < text.length() && text.charAt(index) != '"') {
                    if (text.charAt(index) == '\\') {
                        escaped = true;
                        advance();
                        if (index >= text.length()) {
                            break;
                        }
                    }
                    content.append(text.charAt(index));
                    advance();
                }
                advance(); // the closing quote; an unterminated string is the parser's to report
                if (previous == Token.STAR && limits != null) {
                    return new Scan(imports, repetition(startLine, startColumn));
                }
                if (importAt != null) {
                    imports.add(new Import(content.toString(), importAt[0], importAt[1], escaped));
                    importAt = null;
                }
                previous = Token.STRING;
                continue;
            }
            importAt = null;
            if (identifier(c)) {
                int start = index;
                while (index < text.length() && (identifier(text.charAt(index)) || text.charAt(index) == ':')) {
                    advance();
                }
                if (text.substring(start, index).equals("import")) {
                    importAt = new int[] {startLine, startColumn};
                }
                previous = Token.OTHER;
                continue;
            }
            if (c == '*' && previous == Token.STRING && limits != null) {
                return new Scan(imports, repetition(startLine, startColumn));
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
                if (limits != null && depth > limits.maxDepth()) {
                    return new Scan(imports, new MappingProblem(origin, startLine, startColumn,
                            "brackets nested more than " + limits.maxDepth() + " deep (max-depth)"));
                }
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            previous = c == '*' ? Token.STAR : Token.OTHER;
            advance();
        }
        return new Scan(imports, null);
    }

    /** The place where the text goes over its size in UTF-8, or null when it does not. */
    private MappingProblem size() {
        long bytes = 0;
        int l = 1;
        int col = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : Character.isLowSurrogate(c) ? 0 : 3;
            if (bytes > limits.maxTextBytes()) {
                return new MappingProblem(origin, l, col, "the mapping is longer than the " + limits.maxTextBytes()
                        + " bytes a mapping may have (max-text-bytes)");
            }
            if (c == '\n') {
                l++;
                col = 1;
            } else {
                col++;
            }
        }
        return null;
    }

    private MappingProblem repetition(int l, int col) {
        return new MappingProblem(origin, l, col, "text repeated with * (\"x\" * n): a mapping may not repeat text");
    }

    private void advance() {
        if (index < text.length() && text.charAt(index) == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        index++;
    }

    /** The characters of JSLT's identifiers, and of the {@code $} of a variable. */
    private static boolean identifier(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '$';
    }
}

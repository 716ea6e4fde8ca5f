package dev.subsidy.gateway.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits the demo's output to a terminal of {@value #WIDTH} columns: a longer line is broken at spaces,
 * its continuation indented, and a word longer than a line (a URL, a file path) cut where it must.
 * Widths are a terminal's: a Chinese character takes two columns. Nothing is dropped: the words of the
 * broken line are all there, in order.
 */
final class ConsoleLines {

    static final int WIDTH = 120;
    private static final String INDENT = "    ";

    private ConsoleLines() {
    }

    /** The line as it is printed: itself when it fits, else the pieces it is broken into. */
    static List<String> fit(String line) {
        List<String> out = new ArrayList<>();
        String text = stripTrailing(line);
        String prefix = "";
        while (columns(prefix) + columns(text) > WIDTH) {
            int room = WIDTH - columns(prefix);
            int cut = cutAt(text, room);
            out.add(prefix + stripTrailing(text.substring(0, cut)));
            text = stripLeading(text.substring(cut));
            prefix = leadingSpaces(line) + INDENT;
        }
        out.add(prefix + text);
        return out;
    }

    /** The columns a terminal gives this text. */
    static int columns(String text) {
        int columns = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            columns += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return columns;
    }

    /** Where to break: after the last space that keeps the piece within {@code room}, else at {@code room}. */
    private static int cutAt(String text, int room) {
        int used = 0;
        int lastSpace = -1;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int w = wide(cp) ? 2 : 1;
            if (used + w > room) {
                break;
            }
            if (cp == ' ' && i > 0) {
                lastSpace = i;
            }
            used += w;
            i += Character.charCount(cp);
        }
        return lastSpace > room / 3 ? lastSpace : Math.max(i, 1);
    }

    /** East Asian wide and full-width characters (CJK, Hangul, full-width forms), as terminals draw them. */
    static boolean wide(int cp) {
        return cp >= 0x1100 && cp <= 0x115F
                || cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F
                || cp >= 0xAC00 && cp <= 0xD7A3
                || cp >= 0xF900 && cp <= 0xFAFF
                || cp >= 0xFE30 && cp <= 0xFE4F
                || cp >= 0xFF00 && cp <= 0xFF60
                || cp >= 0xFFE0 && cp <= 0xFFE6
                || cp >= 0x1F300 && cp <= 0x1F64F
                || cp >= 0x20000 && cp <= 0x3FFFD;
    }

    private static String leadingSpaces(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ' && n < WIDTH / 4) {
            n++;
        }
        return line.substring(0, n);
    }

    /** Spaces only: any other character, however blank it looks, is part of the text. */
    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String stripLeading(String s) {
        int start = 0;
        while (start < s.length() && s.charAt(start) == ' ') {
            start++;
        }
        return s.substring(start);
    }
}

package dev.subsidy.intake;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one form of text in a standard record. Text is taken in Unicode NFKC, so a full-width
 * {@code ７３１２} and an ASCII {@code 7312} are the same waybill (one parcel, one key), and text
 * holding characters nobody can see (controls such as NUL, format characters such as zero-width
 * spaces and right-to-left overrides, line separators, variation selectors) is refused: two keys
 * that print alike must be one key.
 */
public final class RecordText {

    private RecordText() {}

    /** The text in NFKC; plain printable ASCII, by far the most common, is returned as it is. */
    static String normalise(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return Normalizer.normalize(text, Normalizer.Form.NFKC);
            }
        }
        return text;
    }

    /** Index of the first character nobody can see or that controls layout, or -1. */
    static int invisibleAt(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (invisible(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    static boolean invisible(int cp) {
        if (cp >= 0x20 && cp < 0x7F) {
            return false;
        }
        return switch (Character.getType(cp)) {
            // Cc (NUL, tab, newline, DEL…), Cf (zero-width, bidi controls, soft hyphen, BOM), lone
            // surrogates, line and paragraph separators
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> true;
            default -> isIgnorable(cp);
        };
    }

    /** Default-ignorable characters that Unicode files under other categories: they render as nothing. */
    private static boolean isIgnorable(int cp) {
        return cp >= 0xFE00 && cp <= 0xFE0F           // variation selectors
                || cp >= 0xE0100 && cp <= 0xE01EF     // variation selectors supplement
                || cp >= 0x180B && cp <= 0x180F       // Mongolian free variation selectors, vowel separator
                || cp == 0x034F                       // combining grapheme joiner
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0; // Hangul fillers
    }

    /** "U+202E RIGHT-TO-LEFT OVERRIDE at character 5": what a feeder needs to find it in the source. */
    static String describeAt(String text, int index) {
        int cp = text.codePointAt(index);
        String name = Character.getName(cp);
        return String.format(Locale.ROOT, "U+%04X%s at character %d", cp, name == null ? "" : " " + name,
                text.codePointCount(0, index) + 1);
    }

    /** Text that may hold characters a log or a database cannot (NUL), written with those escaped. */
    public static String printable(String text) {
        if (text == null || text.indexOf('\0') < 0) {
            return text;
        }
        return text.replace("\0", "\\u0000");
    }
}

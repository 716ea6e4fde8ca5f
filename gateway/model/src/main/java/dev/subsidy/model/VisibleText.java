package dev.subsidy.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The one check of text the gateway takes in (records, registry entries): lengths in characters (code
 * points, so a Chinese name counts what a reader sees), and characters nobody sees. Control, format
 * (zero-width, bidirectional overrides), line and paragraph separator, private-use, unassigned, lone
 * surrogate and default-ignorable characters (variation selectors, Hangul fillers) make two different
 * keys look the same, or a name read backwards; none belongs in a name or a key. Stateless.
 */
public final class VisibleText {

    /** Longest part of a value repeated in a message. */
    private static final int SHOWN = 40;

    private VisibleText() {}

    /** The first invisible character and where it is ("U+202E (a bidirectional control) at character 4"), or empty. */
    public static Optional<String> invisible(String value) {
        int position = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            position++;
            if (isInvisible(c)) {
                return Optional.of("U+%04X (%s) at character %d".formatted(c, kind(c), position));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** Length in characters a reader sees (code points). */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /**
     * The value as a message may repeat it: invisible characters written as {@code U+XXXX}, and cut
     * after {@value #SHOWN} characters, so a reply never echoes a megabyte or a bidirectional override.
     */
    public static String shown(String value) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (++count > SHOWN) {
                return "'" + out + "…' (" + length(value) + " characters)";
            }
            if (isInvisible(c)) {
                out.append("<U+%04X>".formatted(c));
            } else {
                out.appendCodePoint(c);
            }
        }
        return "'" + out + "'";
    }

    /** Index of the first invisible character, or -1. */
    public static int invisibleAt(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isInvisible(cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /** "U+202E RIGHT-TO-LEFT OVERRIDE at character 5": what a feeder needs to find it in the source. */
    public static String describeAt(String text, int index) {
        int cp = text.codePointAt(index);
        String name = Character.getName(cp);
        return String.format(Locale.ROOT, "U+%04X%s at character %d", cp, name == null ? "" : " " + name,
                text.codePointCount(0, index) + 1);
    }

    public static boolean isInvisible(int c) {
        if (c >= 0x20 && c < 0x7F) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> isIgnorable(c);
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

    /** What kind of invisible character this is, in words: "a bidirectional control". */
    public static String kind(int c) {
        byte direction = Character.getDirectionality(c);
        boolean bidi = switch (direction) {
            case Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING, Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE,
                 Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING, Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE,
                 Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT, Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE,
                 Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE, Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE,
                 Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE -> true;
            default -> c == 0x200E || c == 0x200F || c == 0x061C;
        };
        if (bidi) {
            return "a bidirectional control";
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL -> "a control character";
            case Character.FORMAT -> "an invisible format character";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "a line break";
            case Character.PRIVATE_USE -> "a private-use character";
            case Character.SURROGATE -> "half of a broken character";
            default -> "an unassigned character";
        };
    }
}

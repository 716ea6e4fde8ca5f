package dev.subsidy.gateway.registry;

import java.util.Optional;

/**
 * Checks on the text administrators put in the registry: lengths in characters (code points, so a
 * Chinese name counts what a reader sees), and characters nobody sees. Control, format (zero-width,
 * bidirectional overrides), separator, private-use, unassigned and lone surrogate characters make
 * two different ids look the same, or a name read backwards; none belongs in a name or a key.
 * Stateless.
 */
final class RegistryText {

    /** Longest part of a value repeated in a message. */
    private static final int SHOWN = 40;

    private RegistryText() {}

    /** The first invisible character and where it is ("U+202E at character 4"), or empty. */
    static Optional<String> invisible(String value) {
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

    static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /**
     * The value as a message may repeat it: invisible characters written as {@code U+XXXX}, and cut
     * after {@value #SHOWN} characters, so a reply never echoes a megabyte or a bidirectional override.
     */
    static String shown(String value) {
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

    private static boolean isInvisible(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    private static String kind(int c) {
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

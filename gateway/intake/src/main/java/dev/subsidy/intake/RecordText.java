package dev.subsidy.intake;

import dev.subsidy.model.VisibleText;
import java.text.Normalizer;

/**
 * The one form of text in a standard record. Text is taken in Unicode NFKC, so a full-width
 * {@code ７３１２} and an ASCII {@code 7312} are the same waybill (one parcel, one key), and text
 * holding characters nobody can see ({@link VisibleText}, the check the registry uses too) is
 * refused: two keys that print alike must be one key.
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

    /** Index of the first character nobody can see or that controls layout, or -1 ({@link VisibleText}). */
    static int invisibleAt(String text) {
        return VisibleText.invisibleAt(text);
    }

    static boolean invisible(int cp) {
        return VisibleText.isInvisible(cp);
    }

    static String describeAt(String text, int index) {
        return VisibleText.describeAt(text, index);
    }

    /** Text that may hold characters a log or a database cannot (NUL), written with those escaped. */
    public static String printable(String text) {
        if (text == null || text.indexOf('\0') < 0) {
            return text;
        }
        return text.replace("\0", "\\u0000");
    }
}

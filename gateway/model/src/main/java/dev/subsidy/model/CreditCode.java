package dev.subsidy.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-letter alphabet (the digits and the
 * capital letters without I, O, S, V, Z), the last a check character. Real codes exist that fail the
 * check, so a failure is a signal for review, never a reason to drop a record on its own. Stateless.
 */
public final class CreditCode {

    /** Each character is worth its index. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** 3^(i-1) mod 31 for positions 1 to 17. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern SHAPE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
    private static final int LENGTH = 18;

    private CreditCode() {}

    /** 18 characters of the code's alphabet: the shape, not the check. */
    public static boolean hasShape(String code) {
        return code != null && SHAPE.matcher(code).matches();
    }

    /** Shape and check character both right. */
    public static boolean isValid(String code) {
        return hasShape(code) && code.charAt(17) == checkCharacter(code.substring(0, 17));
    }

    /**
     * The check character of a code's first 17 characters (registering authority, organisation type,
     * region, organisation code).
     *
     * @throws IllegalArgumentException when {@code first17} is not 17 characters of the alphabet
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("a credit code has 17 characters before its check character");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not in the credit code alphabet");
            }
            sum += value * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    /**
     * The form codes are kept in: compatibility characters folded (NFKC turns full-width ９１… into
     * 91…), surrounding blanks removed, letters upper case. Only the spelling changes, never a
     * character's identity, so a code and its normal form name the same firm.
     */
    public static String normalise(String code) {
        return code == null ? null : Normalizer.normalize(code, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Why {@code code} does not have the shape of a credit code (its length, or the first character
     * outside the alphabet and where it stands), or empty when it has. Says nothing of the check
     * character: see {@link #checkProblem}.
     */
    public static Optional<String> shapeProblem(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of("a unified social credit code has 18 characters, this has none");
        }
        int[] chars = code.codePoints().toArray();
        if (chars.length != LENGTH) {
            return Optional.of("a unified social credit code has 18 characters, this has " + chars.length);
        }
        for (int i = 0; i < LENGTH; i++) {
            int c = chars[i];
            if (ALPHABET.indexOf(c) < 0) {
                String which = "IOSVZ".indexOf(c) >= 0 ? "'" + Character.toString(c) + "', a letter GB 32100 leaves out (no I, O, S, V or Z)"
                        : Character.isLetterOrDigit(c) && !Character.isIdentifierIgnorable(c)
                                ? "'" + Character.toString(c) + "', which is not a digit or capital letter of GB 32100"
                                : "U+%04X, which is not a digit or capital letter of GB 32100".formatted(c);
                return Optional.of("character " + (i + 1) + " is " + which);
            }
        }
        return Optional.empty();
    }

    /** Why a code of the right shape fails its check, with the character the check asks for; empty when it passes. */
    public static Optional<String> checkProblem(String code) {
        if (!hasShape(code)) {
            return shapeProblem(code);
        }
        char expected = checkCharacter(code.substring(0, 17));
        return code.charAt(17) == expected ? Optional.empty()
                : Optional.of("check character is '" + code.charAt(17) + "', GB 32100 computes '" + expected + "'");
    }
}

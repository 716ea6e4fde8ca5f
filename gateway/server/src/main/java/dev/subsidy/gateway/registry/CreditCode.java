package dev.subsidy.gateway.registry;

import java.util.regex.Pattern;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-letter alphabet, the last a check
 * character. Real codes exist that fail the check, so a failure is a signal for review, never a
 * reason to drop a record on its own.
 */
public final class CreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern SHAPE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    private CreditCode() {}

    /** 18 characters of the code's alphabet: the shape, not the check. */
    public static boolean hasShape(String code) {
        return code != null && SHAPE.matcher(code).matches();
    }

    /** Shape and check character both right. */
    public static boolean isValid(String code) {
        if (!hasShape(code)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return code.charAt(17) == ALPHABET.charAt(c == 31 ? 0 : c);
    }
}

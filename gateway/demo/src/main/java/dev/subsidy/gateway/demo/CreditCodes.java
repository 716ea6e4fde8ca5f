package dev.subsidy.gateway.demo;

/**
 * Makes demo credit codes (统一社会信用代码, GB 32100-2015) with a correct check character, so the
 * demo registry looks like real firms and passes the registry's own check instead of producing
 * warnings that would hide the interesting ones.
 */
final class CreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {}

    /** The 18-character code for its first 17 characters (authority, type, region, organisation code). */
    static String complete(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("a credit code body has 17 characters: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not in the credit code alphabet: "
                        + first17);
            }
            sum += value * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return first17 + ALPHABET.charAt(c == 31 ? 0 : c);
    }
}

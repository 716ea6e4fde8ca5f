package dev.subsidy.connector.signers.waybill;

import java.util.regex.Pattern;

/**
 * UPU S10 identifiers of international postal items: two letters (service), eight digits (serial), a
 * check digit, two letters (ISO country code of the issuing post), such as {@code RB123456785GB}.
 *
 * <p>Check digit: weights 8, 6, 4, 2, 3, 5, 9, 7 on the serial digits; c = 11 − (Σ mod 11);
 * 10 becomes 0 and 11 becomes 5.
 */
public final class UpuS10 {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{9}[A-Z]{2}");
    private static final int[] WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

    private UpuS10() {
    }

    /**
     * Whether the text is an S10 identifier with a correct check digit. Spaces are not allowed; letters
     * must be upper case.
     */
    public static boolean isValid(String id) {
        if (id == null || !SHAPE.matcher(id).matches()) {
            return false;
        }
        return checkDigit(id.substring(2, 10)) == id.charAt(10) - '0';
    }

    /**
     * The check digit of an eight-digit serial number.
     *
     * @throws IllegalArgumentException when the serial is not exactly eight ASCII digits
     */
    public static int checkDigit(String serial) {
        if (serial == null || !serial.matches("[0-9]{8}")) {
            throw new IllegalArgumentException("an S10 serial number is eight digits");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (serial.charAt(i) - '0') * WEIGHTS[i];
        }
        int c = 11 - (sum % 11);
        return c == 10 ? 0 : c == 11 ? 5 : c;
    }
}

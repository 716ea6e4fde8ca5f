package dev.subsidy.connector.signers;

import java.util.Map;
import java.util.TreeMap;

/**
 * The sorted {@code k1v1k2v2…} text that TOP, JD JOS and Pinduoduo sign: every parameter except
 * {@code sign}, sorted by name in {@link String#compareTo} order (what {@code Arrays.sort} and
 * {@code TreeMap} give the platforms' Java SDKs), name then value with nothing between. The
 * platforms differ only in which parameters they leave out, so each has its own method here.
 */
final class SortedParams {

    private SortedParams() {
    }

    /**
     * TOP and JD JOS: a parameter whose name or value is empty or only whitespace is left out. Their Java
     * SDKs test both with {@code StringUtils.areNotEmpty}, whose {@code isEmpty} is true for a string of
     * {@link Character#isWhitespace} characters only ({@code " "}, {@code "\n"}, U+3000), so such a
     * value is not signed even though it is sent. A no-break space (U+00A0) is not whitespace there and
     * is signed.
     */
    static String withoutBlankValues(Map<String, String> params) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (!name.equals("sign") && !blank(name) && !blank(value)) {
                s.append(name).append(value);
            }
        });
        return s.toString();
    }

    /**
     * Pinduoduo: every parameter takes part, an empty or blank value too (its SDK's
     * {@code SignUtils.buildSignSource} appends each entry of the sorted map as it is).
     */
    static String everyParam(Map<String, String> params) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (!name.equals("sign")) {
                s.append(name).append(value);
            }
        });
        return s.toString();
    }

    private static boolean blank(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

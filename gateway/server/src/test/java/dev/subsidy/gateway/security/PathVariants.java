package dev.subsidy.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ways to write a path differently that the issue lists (and the firewall refuses): encoded
 * letters and digits, {@code ;} path parameters, encoded {@code /} and {@code \}, a raw {@code \},
 * double encoding, {@code .} and {@code ..} segments (plain and encoded), {@code //}, encoded control
 * characters. Each is made from any canonical path, so every endpoint is tried with all of them.
 */
final class PathVariants {

    record Variant(String name, String target) {}

    static List<Variant> nonCanonical(String path) {
        List<Variant> variants = new ArrayList<>();
        // where a second segment starts (or the end, for a one-segment path)
        int cut = path.indexOf('/', 1) > 0 ? path.indexOf('/', 1) : path.length();
        String head = path.substring(0, cut);
        String tail = path.substring(cut);

        int letter = firstMatching(path, 0, Character::isLetter);
        variants.add(new Variant("encoded letter", encodeAt(path, letter, "")));
        variants.add(new Variant("double-encoded letter", encodeAt(path, letter, "%25")));
        int lastSegmentLetter = firstMatching(path, path.lastIndexOf('/'), Character::isLetter);
        if (lastSegmentLetter >= 0 && lastSegmentLetter != letter) {
            variants.add(new Variant("encoded letter in the last segment", encodeAt(path, lastSegmentLetter, "")));
        }
        int digit = firstMatching(path, 0, Character::isDigit);
        if (digit >= 0) {
            variants.add(new Variant("encoded digit", encodeAt(path, digit, "")));
        }
        variants.add(new Variant("encoded '~'", path + "%7E"));
        variants.add(new Variant("';' after the first segment", head + ";" + tail));
        variants.add(new Variant("';jsessionid=…' at the end", path + ";jsessionid=0"));
        variants.add(new Variant("encoded ';'", head + "%3B" + tail));
        variants.add(new Variant("encoded '/'", head + "%2F" + tail.substring(Math.min(1, tail.length()))));
        variants.add(new Variant("encoded '/' in lower case", head + "%2f" + tail.substring(Math.min(1, tail.length()))));
        variants.add(new Variant("encoded '\\'", head + "%5C" + tail.substring(Math.min(1, tail.length()))));
        variants.add(new Variant("raw '\\'", head + "\\" + tail.substring(Math.min(1, tail.length()))));
        variants.add(new Variant("'//' inside", head + "/" + (tail.isEmpty() ? "/" : tail)));
        variants.add(new Variant("leading '//'", "/" + path));
        variants.add(new Variant("'.' segment", head + "/." + tail));
        variants.add(new Variant("'..' segment", head + "/matrix/.." + tail));
        variants.add(new Variant("encoded '.' segment", head + "/%2e" + tail));
        variants.add(new Variant("encoded '..' segment", head + "/matrix/%2E%2E" + tail));
        variants.add(new Variant("trailing '/.'", path + "/."));
        variants.add(new Variant("encoded line feed", path + "%0A"));
        variants.add(new Variant("encoded NUL", path + "%00"));
        return variants;
    }

    private static int firstMatching(String path, int from, java.util.function.IntPredicate test) {
        for (int i = Math.max(from, 0); i < path.length(); i++) {
            if (test.test(path.charAt(i)) && path.charAt(i) < 0x80) {
                return i;
            }
        }
        return -1;
    }

    private static String encodeAt(String path, int index, String prefix) {
        String hex = String.format(Locale.ROOT, "%02X", (int) path.charAt(index));
        String escape = prefix.isEmpty() ? "%" + hex : prefix + hex;
        return path.substring(0, index) + escape + path.substring(index + 1);
    }

    private PathVariants() {}
}

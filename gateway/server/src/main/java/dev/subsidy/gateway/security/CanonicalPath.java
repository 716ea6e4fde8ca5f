package dev.subsidy.gateway.security;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether a request path, as sent (percent-encoded), has exactly one reading. A path that a proxy, the
 * container, the rules and the dispatcher could each read differently is how a rule gets walked
 * around ({@code /%61pi/…}, {@code /api;/…}), so such a path is refused, not normalised.
 *
 * <p>Refused: percent-encoded unreserved characters (RFC 3986 ALPHA DIGIT - . _ ~, which have one
 * form: themselves), encoded {@code /}, {@code \}, {@code %} and {@code ;}, encoded control
 * characters, a raw {@code ;} (path parameters), a raw {@code \}, {@code .} and {@code ..} segments,
 * empty segments ({@code //}), a raw character that must be encoded, a broken escape, and encoded
 * bytes that are not UTF-8. Kept: encoded non-ASCII (ids in Chinese) and the other encoded reserved
 * characters ({@code %3A}, {@code %40}, {@code %20} …), which the dispatcher hands to a handler as
 * data inside one segment, never as structure.
 */
final class CanonicalPath {

    private static final String UNRESERVED_MARKS = "-._~";
    /** RFC 3986 pchar besides unreserved and escapes: sub-delims, ':' and '@' (';' is refused apart). */
    private static final String RAW_ALLOWED = "!$&'()*+,=:@";

    private CanonicalPath() {}

    /** Why this raw path is not canonical, or empty when it is. */
    static Optional<String> problem(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.of("the path must start with '/'");
        }
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                int high = i + 1 < rawPath.length() ? Character.digit(rawPath.charAt(i + 1), 16) : -1;
                int low = i + 2 < rawPath.length() ? Character.digit(rawPath.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    return Optional.of("'%' must be followed by two hex digits");
                }
                int b = high * 16 + low;
                String escape = rawPath.substring(i, i + 3);
                Optional<String> refused = encodedProblem(b, escape);
                if (refused.isPresent()) {
                    return refused;
                }
                decoded.write(b);
                i += 2;
            } else if (c == ';') {
                return Optional.of("';' (a path parameter) is not accepted in a path");
            } else if (c == '\\') {
                return Optional.of("'\\' is not accepted in a path");
            } else if (c == '/' || isUnreserved(c) || RAW_ALLOWED.indexOf(c) >= 0) {
                decoded.write(c);
            } else {
                return Optional.of("the path holds a character that must be percent-encoded");
            }
        }
        Optional<String> segments = segmentProblem(rawPath);
        if (segments.isPresent()) {
            return segments;
        }
        return isUtf8(decoded.toByteArray()) ? Optional.empty()
                : Optional.of("its percent-encoded bytes are not UTF-8");
    }

    private static Optional<String> encodedProblem(int b, String escape) {
        if (isUnreserved(b)) {
            return Optional.of(escape + " encodes '" + (char) b + "', which must be written as itself");
        }
        return switch (b) {
            case '/' -> Optional.of(escape + " (an encoded '/') is not accepted in a path");
            case '\\' -> Optional.of(escape + " (an encoded '\\') is not accepted in a path");
            case '%' -> Optional.of(escape + " (an encoded '%': double encoding) is not accepted in a path");
            case ';' -> Optional.of(escape + " (an encoded ';') is not accepted in a path");
            default -> b < 0x20 || b == 0x7F
                    ? Optional.of(escape + " (an encoded control character) is not accepted in a path")
                    : Optional.empty();
        };
    }

    private static Optional<String> segmentProblem(String rawPath) {
        String[] segments = rawPath.substring(1).split("/", -1);
        for (int s = 0; s < segments.length; s++) {
            String segment = segments[s];
            if (segment.isEmpty() && s < segments.length - 1) {
                return Optional.of("an empty segment ('//') is not accepted in a path");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("'.' and '..' segments are not accepted in a path");
            }
        }
        return Optional.empty();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || (c < 0x80 && UNRESERVED_MARKS.indexOf(c) >= 0);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

package dev.subsidy.intake;

import dev.subsidy.connector.file.TextDecoding;
import java.nio.charset.Charset;

/**
 * Turns a request body into text: UTF-8 or GBK/GB18030 as a whole, detected when the Content-Type
 * names no charset, never re-read in another encoding when it does not fit. The rule is the file
 * connector's {@link TextDecoding}, so a body posted and the same bytes dropped into an inbox are
 * read alike.
 */
public final class TextDecoder {

    /** GB18030 decodes everything GBK and GB2312 encode, so one charset covers all three. */
    public static final Charset GBK_FAMILY = TextDecoding.GBK_FAMILY;

    private TextDecoder() {}

    /**
     * @param declared the charset the Content-Type names, or null to detect UTF-8 or GBK
     * @throws UnreadableBodyException (400) naming the line where the body breaks, or the charset refused
     */
    public static String decode(byte[] body, Charset declared) {
        try {
            return TextDecoding.decode(body, declared, "the Content-Type");
        } catch (TextDecoding.RefusedText e) {
            throw new UnreadableBodyException("body cannot be read as text: " + e.getMessage(), e);
        }
    }

    /**
     * The charset of {@code body} by the same rule as {@link #decode}, checked without holding its text.
     *
     * @throws UnreadableBodyException as {@link #decode} does
     */
    public static TextDecoding.Checked check(byte[] body, Charset declared) {
        try {
            return TextDecoding.check(body, declared, "the Content-Type");
        } catch (TextDecoding.RefusedText e) {
            throw new UnreadableBodyException("body cannot be read as text: " + e.getMessage(), e);
        }
    }
}

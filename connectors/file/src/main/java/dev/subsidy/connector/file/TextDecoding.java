package dev.subsidy.connector.file;

import dev.subsidy.connector.api.ConnectorException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Turns bytes into text in exactly one encoding, UTF-8 or the GBK family, and refuses what is neither
 * rather than guess: the gateway's feeds, registry and push connectors and the file connector all use
 * this one rule. Stateless and thread-safe.
 *
 * <ul>
 *   <li>A declared charset must be UTF-8 (or its subset US-ASCII) or GBK, GB2312 or GB18030; any
 *       other (ISO-8859-1 decodes any bytes at all, so it would hide every mistake) is refused.</li>
 *   <li>Declared UTF-8: the bytes must be strict UTF-8 (a BOM is dropped).</li>
 *   <li>Declared GBK: the bytes must be strict GB18030 (the superset of GBK and GB2312) and must not
 *       be UTF-8 text in disguise: a UTF-8 byte order mark, or a line that is UTF-8 Chinese text
 *       (valid UTF-8 decoding to Han characters and Chinese punctuation only), contradicts the
 *       declaration. UTF-8 Chinese often happens to be valid GBK too, as mojibake.</li>
 *   <li>Nothing declared: strict UTF-8 if the whole body is; otherwise GB18030 if the whole body is
 *       and no line is UTF-8 text as above (a body with one such line and one GBK line is mixed);
 *       otherwise refused.</li>
 * </ul>
 *
 * <p>Lines are split at LF, which neither encoding uses inside a multi-byte character, so every
 * refusal names the 1-based line where the text breaks. A line of UTF-8 with only two-byte characters
 * beyond ASCII (accented Latin, Greek, Cyrillic) is also valid GBK Chinese and cannot be told apart
 * from it; such a line is read in the encoding of the body as a whole.
 */
public final class TextDecoding {

    /** GB18030 decodes everything GBK and GB2312 encode, so one charset covers all three. */
    public static final Charset GBK_FAMILY = Charset.forName("GB18030");

    private static final Set<String> GBK_NAMES = Set.of("GBK", "GB2312", "GB18030", "x-mswin-936");
    private static final int BOM_LENGTH = 3;

    private TextDecoding() {}

    /** Why bytes were refused as text; {@link #line()} is 1-based, 0 when the refusal is not about a line. */
    public static final class RefusedText extends Exception {
        private final int line;

        RefusedText(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * The text of {@code bytes}.
     *
     * @param declared the charset the sender names, or null to detect UTF-8 or GBK
     * @param declaredBy who names it, for the reason ("the Content-Type", "the connector's encoding setting")
     * @throws RefusedText with a reason a sender understands, naming the line where the text breaks
     */
    public static String decode(byte[] bytes, Charset declared, String declaredBy) throws RefusedText {
        return resolve(bytes, declared, declaredBy, true).text;
    }

    /**
     * The charset {@code bytes} are in and where their text starts (past a UTF-8 byte order mark),
     * checked by exactly the rule of {@link #decode} but without holding the whole text: a reader
     * then decodes a line or a record at a time.
     *
     * @throws RefusedText as {@link #decode} does
     */
    public static Checked check(byte[] bytes, Charset declared, String declaredBy) throws RefusedText {
        Decoded checked = resolve(bytes, declared, declaredBy, false);
        return new Checked(checked.charset, checked.start);
    }

    /** Bytes found to be text in {@code charset}, starting at {@code start}. */
    public record Checked(Charset charset, int start) {}

    private static Decoded resolve(byte[] bytes, Charset declared, String declaredBy, boolean keep) throws RefusedText {
        int start = hasUtf8Bom(bytes) ? BOM_LENGTH : 0;
        if (declared == null) {
            return detect(bytes, start, keep);
        }
        if (declared.equals(StandardCharsets.UTF_8)) {
            Decoded utf8 = strict(StandardCharsets.UTF_8, bytes, start, bytes.length, keep);
            if (utf8.failedAt >= 0) {
                throw new RefusedText(lineAt(bytes, start, utf8.failedAt), "line " + lineAt(bytes, start, utf8.failedAt)
                        + " is not UTF-8 text, though " + declaredBy + " says UTF-8");
            }
            return utf8;
        }
        if (declared.equals(StandardCharsets.US_ASCII)) {
            Decoded ascii = strict(StandardCharsets.US_ASCII, bytes, 0, bytes.length, keep);
            if (ascii.failedAt >= 0) {
                throw new RefusedText(lineAt(bytes, 0, ascii.failedAt), "line " + lineAt(bytes, 0, ascii.failedAt)
                        + " has bytes outside US-ASCII, though " + declaredBy + " says US-ASCII");
            }
            return ascii;
        }
        if (GBK_NAMES.contains(declared.name())) {
            return declaredGbk(bytes, declared.name(), declaredBy, keep);
        }
        throw new RefusedText(0, "charset " + declared.name() + " is not accepted: text must be UTF-8 or "
                + "GBK/GB18030 (or name no charset and let the gateway tell which)");
    }

    private static Decoded declaredGbk(byte[] bytes, String name, String declaredBy, boolean keep) throws RefusedText {
        if (hasUtf8Bom(bytes)) {
            throw new RefusedText(1, "line 1 starts with a UTF-8 byte order mark, though " + declaredBy + " says " + name);
        }
        int utf8Line = firstUtf8TextLine(bytes, 0);
        if (utf8Line > 0) {
            throw new RefusedText(utf8Line, "line " + utf8Line + " is UTF-8 text, though " + declaredBy + " says " + name);
        }
        Decoded gbk = strict(GBK_FAMILY, bytes, 0, bytes.length, keep);
        if (gbk.failedAt >= 0) {
            int line = lineAt(bytes, 0, gbk.failedAt);
            throw new RefusedText(line, "line " + line + " is not " + name + " text, though " + declaredBy + " says "
                    + name);
        }
        return gbk;
    }

    private static Decoded detect(byte[] bytes, int start, boolean keep) throws RefusedText {
        Decoded utf8 = strict(StandardCharsets.UTF_8, bytes, start, bytes.length, keep);
        if (utf8.failedAt < 0) {
            return utf8;
        }
        int badLine = lineAt(bytes, start, utf8.failedAt);
        if (start > 0) {
            throw new RefusedText(badLine, "line " + badLine + " is not UTF-8 text, though the text starts with "
                    + "a UTF-8 byte order mark");
        }
        int utf8Line = firstUtf8TextLine(bytes, 0);
        if (utf8Line > 0) {
            int[] bad = lineBounds(bytes, utf8.failedAt);
            if (strict(GBK_FAMILY, bytes, bad[0], bad[1], false).failedAt < 0) {
                throw new RefusedText(badLine, "the text mixes encodings: line " + utf8Line + " is UTF-8 and line "
                        + badLine + " is GBK; send it all in one encoding");
            }
            throw new RefusedText(badLine, "line " + badLine + " is neither UTF-8 nor GBK/GB18030 text (line "
                    + utf8Line + " is UTF-8)");
        }
        Decoded gbk = strict(GBK_FAMILY, bytes, 0, bytes.length, keep);
        if (gbk.failedAt >= 0) {
            int line = lineAt(bytes, 0, gbk.failedAt);
            throw new RefusedText(line, "line " + line + " is neither UTF-8 nor GBK/GB18030 text");
        }
        return gbk;
    }

    /**
     * The first line (1-based) that is UTF-8 Chinese text, 0 when there is none: valid UTF-8, at
     * least one character of three or more bytes, and every character beyond ASCII one that Chinese
     * text is made of ({@link #chineseTextCharacter}). A GBK line can be valid UTF-8 by chance, but
     * then decodes to characters from all over Unicode, not to Chinese.
     */
    private static int firstUtf8TextLine(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int from = start;
        while (from <= bytes.length) {
            int end = from;
            boolean wideLead = false;
            while (end < bytes.length && bytes[end] != '\n') {
                wideLead |= (bytes[end] & 0xFF) >= 0xE0;
                end++;
            }
            if (wideLead && isUtf8ChineseText(decoder, bytes, from, end)) {
                return line;
            }
            from = end + 1;
            line++;
        }
        return 0;
    }

    private static boolean isUtf8ChineseText(CharsetDecoder decoder, byte[] bytes, int from, int to) {
        String text;
        try {
            text = decoder.reset().decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        boolean wide = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= 0x80 && !chineseTextCharacter(cp)) {
                return false;
            }
            wide |= cp >= 0x800;
            i += Character.charCount(cp);
        }
        return wide;
    }

    /** Han ideographs, CJK and general punctuation, full-width forms, and Latin-1 signs (¥, ·). */
    static boolean chineseTextCharacter(int cp) {
        return cp >= 0x4E00 && cp <= 0x9FFF          // CJK unified ideographs
                || cp >= 0x3400 && cp <= 0x4DBF      // extension A
                || cp >= 0x20000 && cp <= 0x3134F    // extensions B to G
                || cp >= 0xF900 && cp <= 0xFAFF      // compatibility ideographs
                || cp >= 0x3000 && cp <= 0x303F      // CJK symbols and punctuation (、。「」)
                || cp >= 0xFF00 && cp <= 0xFFEF      // full-width forms (，：（）)
                || cp >= 0x2000 && cp <= 0x206F      // general punctuation (“”—…)
                || cp >= 0x00A0 && cp <= 0x00FF;     // Latin-1 signs and letters (¥, ·, ×)
    }

    /** @param text the whole text when it was kept, else null */
    private record Decoded(String text, int failedAt, Charset charset, int start) {}

    /** Room for the chars of one window when the text is only checked, not kept. */
    private static final int CHECK_WINDOW = 1 << 16;

    /**
     * Strict decoding of bytes[from, to); on failure the absolute index of the first byte that does not
     * fit. Unless {@code keep}, the text is decoded a window at a time and dropped: checking a large
     * body then needs no room for its text.
     */
    private static Decoded strict(Charset charset, byte[] bytes, int from, int to, boolean keep) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        // neither charset makes more chars than bytes (a four-byte GB18030 or UTF-8 sequence is two chars)
        CharBuffer out = CharBuffer.allocate(keep ? to - from + 1 : Math.min(CHECK_WINDOW, to - from + 1));
        CoderResult result;
        while (true) {
            result = decoder.decode(in, out, true);
            if (result.isOverflow() && !keep) {
                out.clear();
                continue;
            }
            break;
        }
        if (!result.isError()) {
            while ((result = decoder.flush(out)).isOverflow()) {
                out.clear();
            }
        }
        if (result.isError()) {
            return new Decoded(null, in.position(), charset, from);
        }
        return new Decoded(keep ? out.flip().toString() : null, -1, charset, from);
    }

    private static int lineAt(byte[] bytes, int start, int position) {
        int line = 1;
        for (int i = start; i < position && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** [start, end) of the line holding {@code position}, without its LF. */
    private static int[] lineBounds(byte[] bytes, int position) {
        int from = position;
        while (from > 0 && bytes[from - 1] != '\n') {
            from--;
        }
        int to = position;
        while (to < bytes.length && bytes[to] != '\n') {
            to++;
        }
        return new int[] {from, to};
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= BOM_LENGTH && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
    }

    /**
     * The file connector's reading of a CSV file.
     *
     * @param encoding {@code auto}, {@code UTF-8} or {@code GBK}
     * @throws ConnectorException ({@code BAD_PAYLOAD}) when the bytes are not text in one encoding
     */
    static String decode(byte[] bytes, String encoding) throws ConnectorException {
        Charset declared = ReadOptions.UTF_8.equalsIgnoreCase(encoding) ? StandardCharsets.UTF_8
                : ReadOptions.GBK.equalsIgnoreCase(encoding) ? Charset.forName("GBK") : null;
        try {
            return decode(bytes, declared, "the connector's encoding setting");
        } catch (RefusedText e) {
            throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD, "the file cannot be read as text: "
                    + e.getMessage());
        }
    }
}

package dev.subsidy.gateway.intake;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a body into text. Carriers' exports are often GBK without saying so, so without a declared
 * charset the body is tried as strict UTF-8 (a BOM is dropped) and, failing that, read as GB18030,
 * the superset of GBK; a declared charset is used strictly and a body that does not fit it is an
 * error, never mojibake.
 */
public final class TextDecoder {

    /** GB18030 decodes everything GBK and GB2312 encode, so one fallback covers all three. */
    public static final Charset GBK_FAMILY = Charset.forName("GB18030");

    private TextDecoder() {}

    public static String decode(byte[] body, Charset declared) {
        int offset = hasUtf8Bom(body) ? 3 : 0;
        if (declared != null) {
            try {
                return strict(declared, body, declared.equals(StandardCharsets.UTF_8) ? offset : 0);
            } catch (CharacterCodingException e) {
                throw new UnreadableBodyException("body is not valid " + declared.name()
                        + " although the Content-Type says so");
            }
        }
        try {
            return strict(StandardCharsets.UTF_8, body, offset);
        } catch (CharacterCodingException notUtf8) {
            try {
                return strict(GBK_FAMILY, body, 0);
            } catch (CharacterCodingException notGbk) {
                throw new UnreadableBodyException("body is neither UTF-8 nor GBK/GB18030 text");
            }
        }
    }

    private static boolean hasUtf8Bom(byte[] body) {
        return body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF;
    }

    private static String strict(Charset charset, byte[] body, int offset) throws CharacterCodingException {
        CharBuffer chars = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body, offset, body.length - offset));
        return chars.toString();
    }
}

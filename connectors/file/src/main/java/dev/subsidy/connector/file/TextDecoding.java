package dev.subsidy.connector.file;

import dev.subsidy.connector.api.ConnectorException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a text file's bytes into text. Branches' exports are often GBK without saying so, so unless
 * the definition names an encoding the bytes are tried as strict UTF-8 (a BOM is dropped) and,
 * failing that, as GB18030, the superset of GBK and GB2312. Decoding is always strict: bytes that do
 * not fit are an error, never mojibake. Stateless.
 */
final class TextDecoding {

    /** GB18030 decodes everything GBK and GB2312 encode, so one charset covers all three. */
    static final Charset GBK_FAMILY = Charset.forName("GB18030");

    private TextDecoding() {}

    /**
     * The text of {@code bytes}.
     *
     * @param encoding {@code auto}, {@code UTF-8} or {@code GBK}
     * @throws ConnectorException ({@code BAD_PAYLOAD}) when the bytes are not text in that encoding
     */
    static String decode(byte[] bytes, String encoding) throws ConnectorException {
        int bom = hasUtf8Bom(bytes) ? 3 : 0;
        try {
            if (ReadOptions.UTF_8.equalsIgnoreCase(encoding)) {
                return strict(StandardCharsets.UTF_8, bytes, bom);
            }
            if (ReadOptions.GBK.equalsIgnoreCase(encoding)) {
                return strict(GBK_FAMILY, bytes, 0);
            }
        } catch (CharacterCodingException e) {
            throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD,
                    "the file is not " + encoding + " text, as the connector's encoding setting says");
        }
        try {
            return strict(StandardCharsets.UTF_8, bytes, bom);
        } catch (CharacterCodingException notUtf8) {
            try {
                return strict(GBK_FAMILY, bytes, 0);
            } catch (CharacterCodingException notGbk) {
                throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD,
                        "the file is neither UTF-8 nor GBK text");
            }
        }
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static String strict(Charset charset, byte[] bytes, int offset) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                .toString();
    }
}

package dev.subsidy.gateway.awards;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Who entered a figure. There is one administrator token, so the role is all the gateway knows for
 * certain; the optional {@code X-Entered-By} header names the person at the keyboard, recorded beside it
 * ("admin (李伟)") as that person's own word.
 */
final class EnteredBy {

    static final String HEADER = "X-Entered-By";
    private static final int MAX = 100;

    private EnteredBy() {}

    static String of(String header) {
        if (header == null) {
            return "admin";
        }
        String name = utf8(header).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return "admin";
        }
        return "admin (" + (name.length() > MAX ? name.substring(0, MAX) : name) + ")";
    }

    /**
     * Servlet containers read header bytes as ISO-8859-1; a client sending a UTF-8 name (a Chinese name,
     * most of the time) gets it back whole here. Bytes that are not UTF-8 stay as the container read them.
     */
    private static String utf8(String header) {
        for (int i = 0; i < header.length(); i++) {
            if (header.charAt(i) > 0xFF) {
                return header; // already decoded by someone else
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return header;
        }
    }
}

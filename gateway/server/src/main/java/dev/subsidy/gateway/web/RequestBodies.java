package dev.subsidy.gateway.web;

import dev.subsidy.intake.BodyTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import org.springframework.http.MediaType;

/**
 * Reads request bodies with a size limit, refusing an oversize body before holding it. A body sent
 * with a Content-Encoding arrives here already inflated ({@link ContentEncodingFilter}).
 */
public final class RequestBodies {

    private RequestBodies() {}

    public static byte[] read(HttpServletRequest request, long limit) {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw new BodyTooLargeException(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = declared >= 0 ? declared(in, (int) declared)
                    : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw new BodyTooLargeException(limit);
            }
            return body;
        } catch (DecodedRequest.CorruptBodyException e) {
            throw new BadRequestException(e.getMessage());
        } catch (IOException e) {
            // reading a request body fails only on the client's side: it broke off or sent a broken chunk
            throw new BadRequestException("request body cannot be read: " + e.getMessage());
        }
    }

    /**
     * A body of a declared length read straight into one array of that length: read in pieces and joined, a 64 MiB
     * body took twice its size in heap for a moment (the pieces, then the array they were copied into).
     */
    private static byte[] declared(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        if (read < length) {
            throw new BadRequestException("request body ended after " + read + " of the " + length
                    + " bytes its Content-Length declares");
        }
        return body;
    }

    public static MediaType contentType(HttpServletRequest request) {
        String header = request.getContentType();
        if (header == null) {
            return null;
        }
        try {
            return MediaType.parseMediaType(header);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Content-Type '" + header + "' cannot be parsed");
        }
    }

    /** The charset the Content-Type declares, or null to detect it. */
    public static Charset charset(MediaType type) {
        try {
            return type == null ? null : type.getCharset();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new BadRequestException("Content-Type names an unknown charset: " + e.getMessage());
        }
    }
}

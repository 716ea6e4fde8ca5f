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
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
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

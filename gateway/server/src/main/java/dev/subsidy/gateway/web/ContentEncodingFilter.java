package dev.subsidy.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The request's {@code Content-Encoding}, settled once for every endpoint before any controller
 * reads a body: none or {@code identity} passes as it is; {@code gzip} or {@code deflate} is
 * inflated as it is read ({@link DecodedRequest}), limited to {@code gateway.feeds.max-body-bytes};
 * anything else ({@code br}, {@code zstd}, an unknown token, or several codings stacked) is refused
 * with 415 naming the coding, instead of the compressed bytes being read as if they were text.
 */
final class ContentEncodingFilter extends OncePerRequestFilter {

    private final long maxBodyBytes;

    ContentEncodingFilter(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> codings = codings(request);
        if (codings.isEmpty() || !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        String named = String.join(", ", codings);
        if (codings.size() > 1) {
            refuse(response, "Content-Encoding '" + named + "' stacks several codings; send the body with one of "
                    + ContentCoding.ACCEPTED);
            return;
        }
        ContentCoding coding = ContentCoding.of(codings.get(0));
        if (coding == null) {
            refuse(response, "Content-Encoding '" + named + "' is not supported; send the body with one of "
                    + ContentCoding.ACCEPTED);
            return;
        }
        chain.doFilter(new DecodedRequest(request, coding, maxBodyBytes), response);
    }

    /** Every coding named, in order, across repeated headers; {@code identity} means none. */
    static List<String> codings(HttpServletRequest request) {
        List<String> codings = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders(HttpHeaders.CONTENT_ENCODING))) {
            for (String token : header.split(",")) {
                String coding = token.strip().toLowerCase(Locale.ROOT);
                if (!coding.isEmpty() && !coding.equals("identity")) {
                    codings.add(coding);
                }
            }
        }
        return codings;
    }

    /** A request without a body has nothing to decode, whatever it declares. */
    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static void refuse(HttpServletResponse response, String reason) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        // RFC 9110 section 15.5.16: a 415 caused by a content coding names the codings that would do
        headers.set(HttpHeaders.ACCEPT_ENCODING, ContentCoding.ACCEPTED);
        ErrorReplies.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, reason, headers);
    }
}

package dev.subsidy.gateway.web;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * The request content codings the gateway decodes (RFC 9110 section 8.4.1): gzip, and deflate
 * as the zlib format (RFC 1950) the RFC specifies. Both come with the JDK; br and zstd would need a
 * native library for a saving feeders do not need.
 */
enum ContentCoding {
    GZIP("gzip") {
        @Override
        InputStream decode(InputStream in) throws IOException {
            return new GZIPInputStream(in, 8192);
        }
    },
    DEFLATE("deflate") {
        @Override
        InputStream decode(InputStream in) {
            return new InflaterInputStream(new BufferedInputStream(in, 8192));
        }
    };

    /** For a 415's {@code Accept-Encoding}: what may be sent instead. */
    static final String ACCEPTED = "gzip, deflate, identity";

    private final String token;

    ContentCoding(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    abstract InputStream decode(InputStream in) throws IOException;

    /** The coding a Content-Encoding token names ({@code x-gzip} is gzip, RFC 9110), or null for one not decoded. */
    static ContentCoding of(String token) {
        return switch (token.toLowerCase(Locale.ROOT)) {
            case "gzip", "x-gzip" -> GZIP;
            case "deflate" -> DEFLATE;
            default -> null;
        };
    }
}

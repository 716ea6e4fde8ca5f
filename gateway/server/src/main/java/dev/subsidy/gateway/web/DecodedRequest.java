package dev.subsidy.gateway.web;

import dev.subsidy.intake.BodyTooLargeException;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipException;
import org.springframework.http.HttpHeaders;

/**
 * A request whose body was sent compressed, seen by controllers as if it had been sent plain: the
 * body inflates as it is read, {@code Content-Encoding} and {@code Content-Length} are gone (they
 * described the compressed bytes). Both the compressed and the inflated bytes stop at the body
 * limit, so neither a large upload nor a small zip bomb gets through.
 */
final class DecodedRequest extends HttpServletRequestWrapper {

    private static final List<String> HIDDEN = List.of(HttpHeaders.CONTENT_ENCODING, HttpHeaders.CONTENT_LENGTH);

    private final ContentCoding coding;
    private final long limit;
    private ServletInputStream body;
    private BufferedReader reader;

    DecodedRequest(HttpServletRequest request, ContentCoding coding, long limit) {
        super(request);
        this.coding = coding;
        this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (reader != null) {
            throw new IllegalStateException("getReader() was already called for this request");
        }
        if (body == null) {
            body = new InflatingStream(super.getInputStream());
        }
        return body;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            if (body != null) {
                throw new IllegalStateException("getInputStream() was already called for this request");
            }
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(new InflatingStream(super.getInputStream()), charset));
        }
        return reader;
    }

    @Override
    public int getContentLength() {
        return -1;
    }

    @Override
    public long getContentLengthLong() {
        return -1;
    }

    @Override
    public String getHeader(String name) {
        return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(n -> !hidden(n)).toList());
    }

    @Override
    public int getIntHeader(String name) {
        return hidden(name) ? -1 : super.getIntHeader(name);
    }

    private static boolean hidden(String name) {
        return HIDDEN.stream().anyMatch(h -> h.equalsIgnoreCase(name));
    }

    /**
     * Inflates on first read (so a request nobody reads is never decoded), counts both sides, and
     * turns a broken stream into a reason: "not valid gzip", "ends early".
     */
    private final class InflatingStream extends ServletInputStream {

        private final CountingStream compressed;
        private InputStream inflated;
        private long produced;
        private boolean finished;

        InflatingStream(InputStream raw) {
            this.compressed = new CountingStream(raw);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (finished) {
                return -1;
            }
            int n;
            try {
                if (inflated == null) {
                    inflated = coding.decode(compressed);
                }
                n = inflated.read(buffer, offset, length);
            } catch (ZipException | EOFException e) {
                throw new CorruptBodyException(coding, e);
            }
            if (n < 0) {
                finished = true;
                return -1;
            }
            produced += n;
            if (produced > limit) {
                throw new InflatedBodyTooLargeException(coding.token(), limit);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("a compressed body is read blocking");
        }

        @Override
        public void close() throws IOException {
            if (inflated != null) {
                inflated.close(); // ends the Inflater and its native memory
            } else {
                compressed.close();
            }
        }
    }

    /** The compressed bytes, refused past the same limit: many empty gzip members inflate to nothing. */
    private final class CountingStream extends InputStream {

        private final InputStream raw;
        private long count;

        CountingStream(InputStream raw) {
            this.raw = raw;
        }

        @Override
        public int read() throws IOException {
            int b = raw.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = raw.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return raw.available();
        }

        @Override
        public void close() throws IOException {
            raw.close();
        }

        private void counted(int n) {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }

    /** The body is not what its Content-Encoding says: 400 with the decoder's reason. */
    static final class CorruptBodyException extends IOException {
        CorruptBodyException(ContentCoding coding, IOException cause) {
            super("body is not valid " + coding.token() + " data as its Content-Encoding says ("
                    + (cause instanceof EOFException ? "it ends early" : cause.getMessage()) + ")", cause);
        }
    }
}

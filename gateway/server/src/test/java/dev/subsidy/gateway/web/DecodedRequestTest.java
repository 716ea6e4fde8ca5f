package dev.subsidy.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.intake.BodyTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class DecodedRequestTest {

    private static final long LIMIT = 4096;

    private static MockHttpServletRequest compressed(byte[] body, String coding) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/feeds/standard/records");
        request.setContent(body);
        request.addHeader("Content-Encoding", coding);
        request.addHeader("Content-Length", body.length);
        request.setContentType("application/json");
        return request;
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(out)) {
            z.write(plain);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new DeflaterOutputStream(out)) {
            z.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void whatWasCompressedIsWhatControllersRead() throws IOException {
        Random random = new Random(8);
        // random bytes do not compress: the compressed body, limited too, must stay under the limit
        for (int size : new int[] {0, 1, 17, 1000, (int) LIMIT - 100}) {
            byte[] plain = new byte[size];
            random.nextBytes(plain);
            assertRoundTrip(plain);
        }
        assertRoundTrip("[{\"kind\": \"shipment\", \"carrier\": \"中通\"}]".getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRoundTrip(byte[] plain) throws IOException {
        DecodedRequest gz = new DecodedRequest(compressed(gzip(plain), "gzip"), ContentCoding.GZIP, LIMIT);
        assertThat(RequestBodies.read(gz, LIMIT)).isEqualTo(plain);
        DecodedRequest df = new DecodedRequest(compressed(deflate(plain), "deflate"), ContentCoding.DEFLATE, LIMIT);
        assertThat(RequestBodies.read(df, LIMIT)).isEqualTo(plain);
    }

    @Test
    void theHeadersThatDescribedTheCompressedBytesAreGone() throws IOException {
        DecodedRequest request = new DecodedRequest(compressed(gzip("[]".getBytes(StandardCharsets.UTF_8)), "gzip"),
                ContentCoding.GZIP, LIMIT);
        assertThat(request.getHeader("Content-Encoding")).isNull();
        assertThat(request.getHeader("content-length")).isNull();
        assertThat(request.getContentLengthLong()).isEqualTo(-1);
        assertThat(Collections.list(request.getHeaderNames())).containsExactly("Content-Type");
        assertThat(request.getContentType()).isEqualTo("application/json");
    }

    @Test
    void concatenatedGzipMembersAreOneBody() throws IOException {
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        two.write(gzip("[1,".getBytes(StandardCharsets.UTF_8)));
        two.write(gzip("2]".getBytes(StandardCharsets.UTF_8)));
        DecodedRequest request = new DecodedRequest(compressed(two.toByteArray(), "gzip"), ContentCoding.GZIP, LIMIT);
        assertThat(new String(RequestBodies.read(request, LIMIT), StandardCharsets.UTF_8)).isEqualTo("[1,2]");
    }

    @Test
    void inflatingPastTheLimitStopsThere() throws IOException {
        byte[] bomb = gzip(new byte[(int) LIMIT * 100]);
        assertThat(bomb.length).isLessThan((int) LIMIT);
        DecodedRequest request = new DecodedRequest(compressed(bomb, "gzip"), ContentCoding.GZIP, LIMIT);
        // the controller's own limit is larger: the inflated-size limit still holds
        assertThatThrownBy(() -> RequestBodies.read(request, LIMIT * 1000))
                .isInstanceOf(InflatedBodyTooLargeException.class)
                .hasMessageContaining("to more than the limit of 4096 bytes (gateway.feeds.max-body-bytes)");
    }

    @Test
    void compressedBytesPastTheLimitAreRefusedEvenWhenTheyInflateToLittle() throws IOException {
        // empty gzip members: 20 bytes each that inflate to nothing, an endless stream for the inflated count
        byte[] empty = gzip(new byte[0]);
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        while (many.size() <= LIMIT) {
            many.write(empty);
        }
        DecodedRequest request = new DecodedRequest(compressed(many.toByteArray(), "gzip"), ContentCoding.GZIP, LIMIT);
        assertThatThrownBy(() -> RequestBodies.read(request, LIMIT * 1000)).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void aBodyThatIsNotWhatItsCodingSaysIsABadRequestWithTheReason() throws IOException {
        DecodedRequest plain = new DecodedRequest(compressed("[]".getBytes(StandardCharsets.UTF_8), "gzip"), ContentCoding.GZIP, LIMIT);
        assertThatThrownBy(() -> RequestBodies.read(plain, LIMIT)).isInstanceOf(BadRequestException.class)
                .hasMessage("body is not valid gzip data as its Content-Encoding says (Not in GZIP format)");

        byte[] whole = gzip("[{\"a\": 1}]".repeat(50).getBytes(StandardCharsets.UTF_8));
        byte[] cut = Arrays.copyOf(whole, whole.length - 12);
        DecodedRequest truncated = new DecodedRequest(compressed(cut, "gzip"), ContentCoding.GZIP, LIMIT);
        assertThatThrownBy(() -> RequestBodies.read(truncated, LIMIT)).isInstanceOf(BadRequestException.class)
                .hasMessage("body is not valid gzip data as its Content-Encoding says (it ends early)");

        DecodedRequest rawDeflate = new DecodedRequest(compressed("not zlib".getBytes(StandardCharsets.UTF_8), "deflate"),
                ContentCoding.DEFLATE, LIMIT);
        assertThatThrownBy(() -> RequestBodies.read(rawDeflate, LIMIT)).isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("body is not valid deflate data as its Content-Encoding says (");
    }
}

package dev.subsidy.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.intake.BodyTooLargeException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestBodiesTest {

    private static final long LIMIT = 64;

    /** A request whose Content-Length says {@code declared}, whatever its content holds. */
    private static MockHttpServletRequest declaring(long declared, String content) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/feeds/standard/records") {
            @Override
            public long getContentLengthLong() {
                return declared;
            }
        };
        request.setContent(content.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    @Test
    void aBodyOfItsDeclaredLengthIsReadWhole() {
        byte[] body = "{\"carrier\": \"中通\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(RequestBodies.read(declaring(body.length, new String(body, StandardCharsets.UTF_8)), LIMIT))
                .isEqualTo(body);
        assertThat(RequestBodies.read(declaring(0, ""), LIMIT)).isEmpty();
    }

    @Test
    void aBodyEndingBeforeItsDeclaredLengthIsABadRequestSayingHowMuchCame() {
        assertThatThrownBy(() -> RequestBodies.read(declaring(40, "[{\"kind\": \"shipment\"}"), LIMIT))
                .isInstanceOf(BadRequestException.class)
                .hasMessage("request body ended after 21 of the 40 bytes its Content-Length declares");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> RequestBodies.read(declaring(LIMIT + 1, "[]"), LIMIT))
                .isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void aBodyOfNoDeclaredLengthIsReadUpToTheLimitAndRefusedPastIt() {
        assertThat(RequestBodies.read(declaring(-1, "x".repeat((int) LIMIT)), LIMIT)).hasSize((int) LIMIT);
        assertThatThrownBy(() -> RequestBodies.read(declaring(-1, "x".repeat((int) LIMIT + 1)), LIMIT))
                .isInstanceOf(BodyTooLargeException.class);
    }
}

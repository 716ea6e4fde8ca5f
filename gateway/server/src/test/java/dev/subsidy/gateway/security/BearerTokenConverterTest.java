package dev.subsidy.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class BearerTokenConverterTest {

    private final BearerTokenConverter converter = new BearerTokenConverter(AccessRules.FEED_POST.request());

    private static MockHttpServletRequest request(String method, String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setQueryString(query);
        return request;
    }

    @Test
    void theAuthorizationHeaderCarriesABearerToken() {
        MockHttpServletRequest request = request("GET", "/api/v1/figures", null);
        request.addHeader("Authorization", "bearer  t-1 ");

        PresentedToken token = converter.convert(request);

        assertThat(token.token()).isEqualTo("t-1");
        assertThat(token.source()).isEqualTo(PresentedToken.Source.AUTHORIZATION_HEADER);
    }

    @Test
    void anotherSchemeOrAnEmptyBearerIsNoToken() {
        for (String header : new String[] {"Basic dXNlcjpwYXNz", "Bearer ", "Bearer", "t-1"}) {
            MockHttpServletRequest request = request("GET", "/api/v1/figures", null);
            request.addHeader("Authorization", header);
            assertThat(converter.convert(request)).as(header).isNull();
        }
    }

    @Test
    void aFeedPostMayCarryItsTokenInTheQueryStringAndNothingElseMay() {
        PresentedToken token = converter.convert(request("POST", "/api/v1/feeds/zto-push/records", "a=1&access_token=t%2B1"));
        assertThat(token.token()).isEqualTo("t+1");
        assertThat(token.source()).isEqualTo(PresentedToken.Source.URL);

        assertThat(converter.convert(request("GET", "/api/v1/feeds/zto-push/records", "access_token=t"))).isNull();
        assertThat(converter.convert(request("POST", "/api/v1/connectors", "access_token=t"))).isNull();
        assertThat(converter.convert(request("GET", "/api/v1/figures", "access_token=t"))).isNull();
        assertThat(converter.convert(request("POST", "/api/v1/feeds/zto-push/records", "access_token="))).isNull();
    }

    @Test
    void theHeaderWinsOverTheQueryString() {
        MockHttpServletRequest request = request("POST", "/api/v1/feeds/zto-push/records", "access_token=from-url");
        request.addHeader("Authorization", "Bearer from-header");

        assertThat(converter.convert(request).token()).isEqualTo("from-header");
    }

    @Test
    void theQueryTokenIsReadWithoutTouchingAFormBody() {
        // SF and J&T push form bodies: parsing parameters would leave nothing for the feed to read
        MockHttpServletRequest formPush = new MockHttpServletRequest("POST", "/api/v1/feeds/sf-push/records") {
            @Override
            public String getParameter(String name) {
                throw new AssertionError("getParameter would consume the form body");
            }

            @Override
            public String[] getParameterValues(String name) {
                throw new AssertionError("getParameterValues would consume the form body");
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                throw new AssertionError("getParameterMap would consume the form body");
            }
        };
        formPush.setQueryString("access_token=t");
        formPush.setContentType("application/x-www-form-urlencoded");
        formPush.setContent("logistics_interface=%7B%7D&data_digest=x".getBytes(StandardCharsets.UTF_8));

        assertThat(converter.convert(formPush).token()).isEqualTo("t");
    }

    @Test
    void aBrokenEscapeInTheQueryTokenIsKeptAsSentNotAnError() {
        assertThat(converter.convert(request("POST", "/api/v1/feeds/x/records", "access_token=%zz")).token())
                .isEqualTo("%zz");
    }
}

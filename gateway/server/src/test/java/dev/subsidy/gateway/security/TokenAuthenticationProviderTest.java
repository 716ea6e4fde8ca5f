package dev.subsidy.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.runtime.push.FeederTokenSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

class TokenAuthenticationProviderTest {

    /** A push connector's token as its definition has it now; a test replaces it as a connector added at runtime would. */
    private final AtomicReference<Map<String, String>> pushTokens = new AtomicReference<>(Map.of());
    private final FeederTokenSource pushConnectors = presented -> pushTokens.get().entrySet().stream()
            .filter(e -> e.getValue().equals(presented)).map(Map.Entry::getKey).findFirst();

    private TokenAuthenticationProvider provider(String admin, String reader, Map<String, String> feeders) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("pushConnectors", pushConnectors));
        return new TokenAuthenticationProvider(new GatewayProperties.Security(admin, reader, feeders, null),
                beans.getBeanProvider(FeederTokenSource.class));
    }

    private static Caller caller(Authentication authentication) {
        assertThat(authentication.isAuthenticated()).isTrue();
        return ((CallerAuthentication) authentication).caller();
    }

    private static PresentedToken header(String token) {
        return new PresentedToken(token, PresentedToken.Source.AUTHORIZATION_HEADER);
    }

    @Test
    void eachConfiguredTokenIsItsRole() {
        TokenAuthenticationProvider tokens = provider("admin-t", "reader-t", Map.of("standard", "feed-t", "zto", "zto-t"));

        assertThat(caller(tokens.authenticate(header("admin-t")))).isEqualTo(Caller.ADMIN);
        assertThat(caller(tokens.authenticate(header("reader-t")))).isEqualTo(Caller.READER);
        assertThat(caller(tokens.authenticate(header("feed-t")))).isEqualTo(Caller.feederOf("standard"));
        assertThat(caller(tokens.authenticate(header("zto-t")))).isEqualTo(Caller.feederOf("zto"));
    }

    @Test
    void anUnknownTokenIsRefusedWithoutRepeatingIt() {
        TokenAuthenticationProvider tokens = provider("admin-t", null, Map.of());

        assertThatThrownBy(() -> tokens.authenticate(header("admin-t-but-longer")))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage("the token is not valid");
        assertThatThrownBy(() -> tokens.authenticate(header("admin-")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aBlankSettingIsNoTokenSoNoCallIsAnAdminCall() {
        TokenAuthenticationProvider tokens = provider("", "  ", Map.of());

        assertThatThrownBy(() -> tokens.authenticate(header(""))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> tokens.authenticate(header("  "))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void onlyAFeedersTokenMayComeInAUrl() {
        TokenAuthenticationProvider tokens = provider("admin-t", "reader-t", Map.of("standard", "feed-t"));

        assertThat(caller(tokens.authenticate(new PresentedToken("feed-t", PresentedToken.Source.URL))))
                .isEqualTo(Caller.feederOf("standard"));
        for (String token : new String[] {"admin-t", "reader-t"}) {
            assertThatThrownBy(() -> tokens.authenticate(new PresentedToken(token, PresentedToken.Source.URL)))
                    .isInstanceOf(BadCredentialsException.class)
                    .hasMessage("this token must be sent in the Authorization header");
        }
    }

    @Test
    void aPushConnectorsTokenCountsFromTheMomentItsConnectorExistsAndStopsWhenItIsReplaced() {
        TokenAuthenticationProvider tokens = provider("admin-t", null, Map.of());
        assertThatThrownBy(() -> tokens.authenticate(header("zto-push-t"))).isInstanceOf(BadCredentialsException.class);

        pushTokens.set(Map.of("zto-push", "zto-push-t"));
        assertThat(caller(tokens.authenticate(header("zto-push-t")))).isEqualTo(Caller.feederOf("zto-push"));

        pushTokens.set(Map.of("zto-push", "zto-push-t2"));
        assertThatThrownBy(() -> tokens.authenticate(header("zto-push-t"))).isInstanceOf(BadCredentialsException.class);
        assertThat(caller(tokens.authenticate(header("zto-push-t2")))).isEqualTo(Caller.feederOf("zto-push"));
    }

    @Test
    void thePresentedTokenNeverShowsInItsDescription() {
        assertThat(header("s3cr3t-token").toString()).doesNotContain("s3cr3t");
        assertThat(new CallerAuthentication(Caller.ADMIN).toString()).doesNotContain("s3cr3t");
        assertThat(Optional.ofNullable(new CallerAuthentication(Caller.ADMIN).getCredentials())).isEmpty();
    }
}

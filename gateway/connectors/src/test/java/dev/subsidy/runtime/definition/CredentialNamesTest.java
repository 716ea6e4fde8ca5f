package dev.subsidy.runtime.definition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "x-api-key",
        "APIKEY", "api_key", "apiKey", "key", "X-Auth-Token", "XAuthToken", "access_token", "accessToken", "token",
        "client_secret", "appSecret", "appsecret", "app_secret", "password", "passwd", "pwd", "db.password",
        "sign", "X-Sign", "signature", "data_digest", "session", "sessionKey", "secret_key", "private_key",
        "X-Access-Key", "jwt", "auth", "X-Auth"})
    void namesOfCredentials(String name) {
        assertThat(CredentialNames.isCredential(name)).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"app_key", "appKey", "AppKey", "APPKEY", "client_id", "method", "v", "format", "fields",
        "sign_method", "token_type", "secret_id", "Accept", "Content-Type", "User-Agent", "X-Request-Id", "type",
        "data_type", "version", "order_status", "public_key", "design", "monkey", "timestamp", "360buy_param_json",
        "partner_id", "customer", "", "--"})
    void namesOfWhatIsSentInTheClear(String name) {
        assertThat(CredentialNames.isCredential(name)).as(name).isFalse();
    }
}

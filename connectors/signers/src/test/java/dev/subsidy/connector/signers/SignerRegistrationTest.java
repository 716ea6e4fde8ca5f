package dev.subsidy.connector.signers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.plugin.ConnectorRegistry;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SignerRegistrationTest {

    static final List<String> NAMES = List.of("cainiao", "douyin-hmac-sha256", "douyin-md5", "jd-jos", "jd-logistics", "jt",
            "kuaidi100", "pinduoduo", "sf", "sto", "taobao-hmac", "taobao-hmac-sha256", "taobao-md5", "yto", "yto-legacy",
            "yunda", "zto");

    @Test
    void everySignerIsAServiceWithAUniqueName() {
        List<String> names = ServiceLoader.load(RequestSigner.class).stream().map(p -> p.get().name()).sorted().toList();

        assertThat(names).containsExactlyElementsOf(NAMES);
    }

    @Test
    void theRegistryFindsThemByName() {
        try (ConnectorRegistry registry = ConnectorRegistry.load(null)) {
            assertThat(registry.signerNames()).containsOnlyKeys(NAMES.toArray(String[]::new));
            assertThat(registry.signer("taobao-hmac")).isInstanceOf(TaobaoSigner.Hmac.class);
            assertThat(registry.signerNames().get("zto").origin()).isEqualTo("built-in");
        }
    }
}

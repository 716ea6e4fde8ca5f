package dev.subsidy.gateway.demo;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * This run's folder and credentials, made up at startup so no secret ever sits in a committed file
 * and each run starts from an empty database.
 *
 * @param home the run's own {@code gateway.home}
 * @param partnerSecrets the partners' credentials, by the environment variable a connector definition
 *     names ({@link #PARTNER_VARIABLES}); {@link DemoEnvironment} answers them to the gateway
 */
record DemoRun(Path home, String adminToken, String readerToken, String feederToken, String awardSecret,
               Map<String, String> partnerSecrets) {

    static final String ZTO_FEEDER_TOKEN = "ZTO_FEEDER_TOKEN";
    static final String ZTO_APP_SECRET = "ZTO_APP_SECRET";
    static final String TAOBAO_APP_SECRET = "TAOBAO_APP_SECRET";
    static final String TAOBAO_SESSION = "TAOBAO_SESSION";
    static final String DOUYIN_APP_SECRET = "DOUYIN_APP_SECRET";
    static final String DOUYIN_ACCESS_TOKEN = "DOUYIN_ACCESS_TOKEN";
    /** The names config/connectors/examples use, so the demo's definitions read like the examples. */
    static final List<String> PARTNER_VARIABLES = List.of(ZTO_FEEDER_TOKEN, ZTO_APP_SECRET, TAOBAO_APP_SECRET,
            TAOBAO_SESSION, DOUYIN_APP_SECRET, DOUYIN_ACCESS_TOKEN);

    DemoRun {
        partnerSecrets = Map.copyOf(partnerSecrets);
    }

    static DemoRun create(Path home, SecureRandom random) {
        Map<String, String> partners = new LinkedHashMap<>();
        PARTNER_VARIABLES.forEach(name -> partners.put(name, secret(random)));
        return new DemoRun(home, secret(random), secret(random), secret(random), secret(random), partners);
    }

    /** The made-up value of one of {@link #PARTNER_VARIABLES}. */
    Optional<String> partnerSecret(String variable) {
        return Optional.ofNullable(partnerSecrets.get(variable));
    }

    String partner(String variable) {
        return partnerSecret(variable).orElseThrow(() -> new IllegalArgumentException("no demo secret " + variable));
    }

    /** Enough of a secret to recognise it, never the whole of it. */
    static String mask(String secret) {
        return secret.substring(0, 4) + "…(" + secret.length() + " chars)";
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DemoRun[home=" + home + ", secrets=****]";
    }
}

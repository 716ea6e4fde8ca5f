package dev.subsidy.gateway.demo;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * This run's folder and credentials, made up at startup so no secret ever sits in a committed file
 * and each run starts from an empty database.
 *
 * @param home the run's own {@code gateway.home}
 */
record DemoRun(Path home, String adminToken, String readerToken, String feederToken, String awardSecret) {

    static DemoRun create(Path home, SecureRandom random) {
        return new DemoRun(home, secret(random), secret(random), secret(random), secret(random));
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

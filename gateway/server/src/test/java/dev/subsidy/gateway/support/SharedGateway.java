package dev.subsidy.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway the API-level ITs (registry, bad and hostile feeds) share: one SQLite
 * home, 从江县, every role's token. Each of them extends this class and declares no configuration of its
 * own, so that Spring's test context cache starts the application once for all of them instead of once
 * per class. They share its database too: each asserts on its own keys or on before/after differences,
 * never on a table being otherwise empty.
 *
 * <p>A test that needs another setting, bean or database keeps a configuration of its own; so does one
 * that must watch the application start (the access matrix reads its own startup log).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.jurisdiction.name=从江县",
    "gateway.jurisdiction.regions=522633",
    "gateway.security.admin-token=" + Tokens.ADMIN,
    "gateway.security.reader-token=" + Tokens.READER,
    "gateway.security.feeder-tokens.standard=" + Tokens.FEEDER,
    "gateway.feeds.max-body-bytes=" + SharedGateway.MAX_BODY_BYTES
})
public abstract class SharedGateway {

    /** The feed body limit: small enough that a test can pass it cheaply. */
    public static final int MAX_BODY_BYTES = 65536;

    /** {@code gateway.home}: one folder for the shared application. */
    private static final Path HOME = createHome();

    private static Path createHome() {
        try {
            return Files.createTempDirectory("gateway-shared-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("gateway.home", HOME::toString);
    }
}

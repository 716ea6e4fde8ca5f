package dev.subsidy.gateway.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The end-to-end suite on SQLite with every period closed a slice at a time: a close whose period would need more heap
 * than the gateway has reads it again in slices (docs/operations.md "Closing a large period"), and must publish what a
 * close holding the period does, to the figure, key and digest. {@code gateway.close.sliced-above=0} closes every
 * period that holds a record in slices.
 */
class SqliteSlicedCloseIT extends GatewayEndToEndTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        Path home = Files.createTempDirectory("gateway-e2e-sqlite-sliced");
        registry.add("gateway.home", home::toString);
        registry.add("gateway.award.url", INTAKE::baseUrl);
        registry.add("gateway.close.sliced-above", () -> "0");
    }
}

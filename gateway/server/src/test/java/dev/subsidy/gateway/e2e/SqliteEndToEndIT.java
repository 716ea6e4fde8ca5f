package dev.subsidy.gateway.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The end-to-end suite on the default embedded SQLite file database. */
class SqliteEndToEndIT extends GatewayEndToEndTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        Path home = Files.createTempDirectory("gateway-e2e-sqlite");
        registry.add("gateway.home", home::toString);
        registry.add("gateway.award.url", INTAKE::baseUrl);
    }
}

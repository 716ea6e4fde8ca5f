package dev.subsidy.gateway.e2e;

import dev.subsidy.gateway.support.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same end-to-end suite on a real PostgreSQL server. */
class PostgresEndToEndIT extends GatewayEndToEndTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        Path home = Files.createTempDirectory("gateway-e2e-pg");
        String url = EmbeddedPostgres.newDatabaseUrl();
        registry.add("gateway.home", home::toString);
        registry.add("spring.datasource.url", () -> url);
        registry.add("gateway.award.url", INTAKE::baseUrl);
    }
}

package dev.subsidy.gateway.e2e;

import dev.subsidy.gateway.support.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SqliteSlicedCloseIT} on a real PostgreSQL server: every period closed a slice at a time. */
class PostgresSlicedCloseIT extends GatewayEndToEndTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        Path home = Files.createTempDirectory("gateway-e2e-pg-sliced");
        String url = EmbeddedPostgres.newDatabaseUrl();
        registry.add("gateway.home", home::toString);
        registry.add("spring.datasource.url", () -> url);
        registry.add("gateway.award.url", INTAKE::baseUrl);
        registry.add("gateway.close.sliced-above", () -> "0");
    }
}

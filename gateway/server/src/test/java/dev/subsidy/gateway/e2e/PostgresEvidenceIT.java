package dev.subsidy.gateway.e2e;

import dev.subsidy.gateway.support.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Figure keys and count reports on a real PostgreSQL server (keys written with COPY). */
class PostgresEvidenceIT extends EvidenceEndToEndTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        Path home = Files.createTempDirectory("gateway-evidence-pg");
        String url = EmbeddedPostgres.newDatabaseUrl();
        registry.add("gateway.home", home::toString);
        registry.add("spring.datasource.url", () -> url);
    }
}

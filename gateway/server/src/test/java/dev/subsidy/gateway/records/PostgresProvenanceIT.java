package dev.subsidy.gateway.records;

import dev.subsidy.gateway.support.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same provenance on a real PostgreSQL server: record versions by COPY, raw payloads by upsert. */
class PostgresProvenanceIT extends ProvenanceIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgres.newDatabaseUrl();
        registry.add("spring.datasource.url", () -> url);
    }
}

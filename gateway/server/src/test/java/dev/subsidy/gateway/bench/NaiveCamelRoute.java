package dev.subsidy.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

/**
 * The peer the issue compares against, in the bench only, never in the product: the route a Camel tutorial
 * builds — split the body into lines, drop keys a JDBC idempotent repository has seen, one {@code INSERT} per
 * record with auto-commit — on an H2 file database behind a connection pool.
 */
final class NaiveCamelRoute implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final CamelContext camel = new DefaultCamelContext();
    private final ProducerTemplate producer;

    NaiveCamelRoute(Path folder) throws Exception {
        // a pool, as Spring Boot would give the route: without one, H2 closes the database with its last connection
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl("jdbc:h2:file:" + folder.resolve("naive").toAbsolutePath());
        pool.setUsername("sa");
        pool.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(pool);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS naive_record (natural_key VARCHAR(160) PRIMARY KEY, "
                    + "kind VARCHAR(10) NOT NULL, body CLOB NOT NULL)");
        }
        ObjectMapper json = new ObjectMapper();
        JdbcMessageIdRepository seen = new JdbcMessageIdRepository(dataSource, "naive-bench");
        camel.getRegistry().bind("naiveDataSource", dataSource);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:feed").split(body().tokenize("\n")).streaming()
                        .process(e -> {
                            String line = e.getIn().getBody(String.class);
                            if (line.isBlank()) {
                                e.setRouteStop(true);
                                return;
                            }
                            JsonNode record = json.readTree(line);
                            String kind = record.path("kind").asText();
                            e.getIn().setHeader("kind", kind);
                            e.getIn().setHeader("key", kind.equals("shipment")
                                    ? record.path("carrier").asText() + ":" + record.path("waybillNo").asText()
                                    : record.path("platform").asText() + ":" + record.path("orderId").asText());
                            e.getIn().setHeader("payload", line);
                        })
                        .idempotentConsumer(header("key"), seen)
                        .to("sql:INSERT INTO naive_record (natural_key, kind, body) VALUES (:#key, :#kind, :#payload)"
                                + "?dataSource=#naiveDataSource");
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    void feed(byte[] ndjson) {
        producer.sendBody("direct:feed", new String(ndjson, StandardCharsets.UTF_8));
    }

    long stored() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM naive_record")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        camel.stop();
        dataSource.close();
    }
}

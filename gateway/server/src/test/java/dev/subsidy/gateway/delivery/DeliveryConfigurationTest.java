package dev.subsidy.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.subsidy.gateway.storage.delivery.JdbcDeliveryStore;
import dev.subsidy.simulators.award.AwardIntakeSimulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Spring wiring of delivery alone — Camel Spring Boot, {@code gateway.award.*} bound from
 * properties, and the beans the rest of the application provides (a JdbcTemplate and a Clock) —
 * without the whole application.
 */
class DeliveryConfigurationTest {

    @TempDir
    Path folder;

    private final AwardIntakeSimulator intake = AwardIntakeSimulator.start(DeliverySettings.SECRET).acceptingAnyItems();
    private OutboxDatabase db;

    @BeforeEach
    void start() {
        db = OutboxDatabase.migrated(folder);
    }

    @AfterEach
    void stop() {
        intake.close();
    }

    private ApplicationContextRunner gateway() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class))
                .withUserConfiguration(ProvidedElsewhere.class, DeliveryConfiguration.class, JdbcDeliveryStore.class)
                .withBean(JdbcTemplate.class, () -> db.jdbc())
                .withPropertyValues("gateway.award.poll-interval=100ms", "camel.main.name=delivery-test");
    }

    @Test
    void theRouteStartsWithTheApplicationAndPushesWithTheBoundSettings() {
        String id = db.enqueueFigures(Clock.systemUTC());

        gateway().withPropertyValues("gateway.award.url=" + intake.baseUrl(), "gateway.award.secret=" + DeliverySettings.SECRET)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CamelContext camel = context.getBean(CamelContext.class);
                    assertThat(camel.getRouteController().getRouteStatus(DeliveryRoute.ROUTE_ID).isStarted()).isTrue();
                    await().atMost(Duration.ofSeconds(10)).until(() -> db.status(id).equals("DELIVERED"));
                    assertThat(intake.refusals()).isEmpty();
                });
    }

    @Test
    void withoutAUrlTheGatewayStartsAndKeepsBatchesPending() {
        String id = db.enqueueFigures(Clock.systemUTC());

        gateway().run(context -> {
            assertThat(context).hasNotFailed();
            CamelContext camel = context.getBean(CamelContext.class);
            assertThat(camel.getRouteController().getRouteStatus(DeliveryRoute.ROUTE_ID).isStarted()).isTrue();
            // a few ticks go by: still nothing sent
            await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> db.status(id).equals("PENDING") && intake.requests().isEmpty());
            assertThat(db.attempts(id)).isZero();
        });
    }

    /** What the application's own configuration provides; here the bare minimum. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DeliveryProperties.class)
    static class ProvidedElsewhere {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}

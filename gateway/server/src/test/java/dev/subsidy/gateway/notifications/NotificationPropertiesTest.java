package dev.subsidy.gateway.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mock.env.MockEnvironment;

/** {@code gateway.notifications.*} as Spring binds it: defaults, and every mistake named at startup. */
class NotificationPropertiesTest {

    private static final String SECRET = "hook-secret-9c1e";

    @Test
    void withoutWebhooksTheFeatureIsOffWithItsDefaults() {
        NotificationProperties settings = bind(Map.of());
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.webhooks()).isEmpty();
        assertThat(settings.checkInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backlogAge()).as("absent: the health threshold is used").isNull();
        assertThat(settings.maxAttempts()).isEqualTo(3);
    }

    @Test
    void aWebhookWithoutEventsHearsOfEveryEventAndOneWithEventsOnlyOfThose() {
        NotificationProperties settings = bind(Map.of(
                "gateway.notifications.webhooks[0].url", "https://ops.example.com/hooks",
                "gateway.notifications.webhooks[0].secret", SECRET,
                "gateway.notifications.webhooks[1].url", "https://pager.example.com/in",
                "gateway.notifications.webhooks[1].secret", SECRET,
                "gateway.notifications.webhooks[1].events", "DELIVERY_PAUSED,delivery-backlog-old",
                "gateway.notifications.check-interval", "5s"));
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.webhooks().get(0).events()).isEqualTo(EnumSet.allOf(NotificationEvent.class));
        assertThat(settings.webhooks().get(1).events())
                .containsExactlyInAnyOrder(NotificationEvent.DELIVERY_PAUSED, NotificationEvent.DELIVERY_BACKLOG_OLD);
        assertThat(settings.checkInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.webhooks().get(0).key()).isNotEqualTo(settings.webhooks().get(1).key()).hasSize(32);
    }

    @Test
    void aWebhookWithoutASecretStopsStartupNamingTheSettingAndTheEnvironmentVariable() {
        assertRefused(() -> bind(Map.of("gateway.notifications.webhooks[0].url", "https://ops.example.com/hooks")),
                "gateway.notifications.webhooks[0].secret is not set", "GATEWAY_NOTIFICATIONS_WEBHOOKS_0_SECRET");
    }

    @Test
    void aUrlThatIsNotAbsoluteHttpIsRefusedWithoutPrintingItsQuery() {
        assertRefused(() -> bind(Map.of("gateway.notifications.webhooks[0].url", "ftp://ops.example.com/in?token=abc123",
                        "gateway.notifications.webhooks[0].secret", SECRET)),
                "webhooks[0].url must be an absolute http or https URL", "ftp://ops.example.com/in");
        assertThatThrownBy(() -> bind(Map.of("gateway.notifications.webhooks[0].url", "ftp://ops.example.com/in?token=abc123",
                "gateway.notifications.webhooks[0].secret", SECRET))).rootCause().message().doesNotContain("abc123");
        assertRefused(() -> bind(Map.of("gateway.notifications.webhooks[0].url", "/hooks/relative",
                "gateway.notifications.webhooks[0].secret", SECRET)), "webhooks[0].url must be an absolute");
    }

    @Test
    void theSameUrlTwiceIsRefused() {
        assertRefused(() -> bind(Map.of(
                "gateway.notifications.webhooks[0].url", "https://ops.example.com/hooks",
                "gateway.notifications.webhooks[0].secret", SECRET,
                "gateway.notifications.webhooks[1].url", "https://ops.example.com/hooks",
                "gateway.notifications.webhooks[1].secret", SECRET)), "webhooks[1].url", "configured twice");
    }

    @Test
    void intervalsOutsideTheirBoundsAreRefused() {
        assertRefused(() -> bind(Map.of("gateway.notifications.check-interval", "10ms")),
                "gateway.notifications.check-interval must be from PT0.1S to PT24H, was PT0.01S");
        assertRefused(() -> bind(Map.of("gateway.notifications.backlog-age", "0s")),
                "gateway.notifications.backlog-age must be positive");
        assertRefused(() -> bind(Map.of("gateway.notifications.max-attempts", "0")),
                "gateway.notifications.max-attempts must be 1 to 10");
    }

    @Test
    void aWebhookPrintsNeitherItsSecretNorItsQuery() {
        Webhook hook = bind(Map.of("gateway.notifications.webhooks[0].url", "https://user:pw@ops.example.com:8443/in?token=abc123",
                "gateway.notifications.webhooks[0].secret", SECRET)).webhooks().get(0);
        assertThat(hook.toString()).contains("https://ops.example.com:8443/in")
                .doesNotContain(SECRET).doesNotContain("abc123").doesNotContain("pw");
        assertThat(hook.safeName()).isEqualTo("https://ops.example.com:8443/in");
    }

    @Test
    void theFeatureIsOnOnlyWhenAWebhookIsSetInAnyFormSpringReads() {
        WebhooksConfigured condition = new WebhooksConfigured();
        assertThat(condition.matches(context(new MockEnvironment()), (AnnotatedTypeMetadata) null)).isFalse();
        MockEnvironment yaml = new MockEnvironment().withProperty("gateway.notifications.webhooks[0].url", "https://ops.example.com/h");
        assertThat(condition.matches(context(yaml), null)).isTrue();
        MockEnvironment environmentForm = new MockEnvironment();
        environmentForm.getPropertySources().addFirst(new org.springframework.core.env.SystemEnvironmentPropertySource(
                "systemEnvironment", Map.of("GATEWAY_NOTIFICATIONS_WEBHOOKS_0_URL", "https://ops.example.com/h")));
        assertThat(condition.matches(context(environmentForm), null)).isTrue();
    }

    private static org.springframework.context.annotation.ConditionContext context(MockEnvironment environment) {
        return new org.springframework.context.annotation.ConditionContext() {
            @Override
            public org.springframework.beans.factory.support.BeanDefinitionRegistry getRegistry() {
                throw new UnsupportedOperationException();
            }

            @Override
            public org.springframework.beans.factory.config.ConfigurableListableBeanFactory getBeanFactory() {
                return null;
            }

            @Override
            public org.springframework.core.env.Environment getEnvironment() {
                return environment;
            }

            @Override
            public org.springframework.core.io.ResourceLoader getResourceLoader() {
                return null;
            }

            @Override
            public ClassLoader getClassLoader() {
                return getClass().getClassLoader();
            }
        };
    }

    private static NotificationProperties bind(Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(values);
        return new Binder(new MapConfigurationPropertySource(all))
                .bindOrCreate("gateway.notifications", NotificationProperties.class);
    }

    private static void assertRefused(ThrowableAssert.ThrowingCallable binding, String... parts) {
        assertThatThrownBy(binding).rootCause().isInstanceOf(IllegalArgumentException.class).message().contains(parts);
    }
}

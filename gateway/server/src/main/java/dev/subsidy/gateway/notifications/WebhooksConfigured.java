package dev.subsidy.gateway.notifications;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * At least one {@code gateway.notifications.webhooks[i]} is set, in any form Spring reads (properties,
 * YAML, the environment's {@code GATEWAY_NOTIFICATIONS_WEBHOOKS_0_URL}); a plain property condition cannot
 * see list entries.
 */
class WebhooksConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        try {
            return Binder.get(context.getEnvironment())
                    .bind("gateway.notifications.webhooks", Bindable.listOf(Webhook.class))
                    .map(list -> !list.isEmpty())
                    .orElse(false);
        } catch (RuntimeException unreadable) {
            // a value that does not bind: let the properties' own binding stop startup with its message
            return true;
        }
    }
}

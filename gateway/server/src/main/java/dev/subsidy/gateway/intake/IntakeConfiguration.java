package dev.subsidy.gateway.intake;

import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.intake.FeedIntake;
import dev.subsidy.intake.IntakeListener;
import dev.subsidy.intake.IntakeStore;
import dev.subsidy.intake.RecordLimits;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The intake every feed, push, poll and file goes through, on the gateway's settings and storage. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    FeedIntake feedIntake(IntakeStore store, GatewayProperties properties, RecordLimits limits, Clock clock,
                          ObjectProvider<IntakeListener> listener) {
        return new FeedIntake(store, properties.currencyRates(), limits, properties.feeds().batchSize(), clock,
                listener.getIfAvailable(() -> IntakeListener.NONE));
    }
}

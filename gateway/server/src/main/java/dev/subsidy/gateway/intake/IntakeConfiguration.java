package dev.subsidy.gateway.intake;

import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.gateway.storage.intake.RawPayloadRetention;
import dev.subsidy.intake.FeedIntake;
import dev.subsidy.intake.IntakeListener;
import dev.subsidy.intake.IntakeStore;
import dev.subsidy.intake.RawPayloadSettings;
import dev.subsidy.intake.RecordLimits;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The intake every feed, push, poll and file goes through, on the gateway's settings and storage, and
 * the route that removes raw payloads past their retention.
 */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    RawPayloadSweep rawPayloadSweep(RawPayloadRetention retention, Clock clock) {
        return new RawPayloadSweep(retention, clock);
    }

    @Bean
    RawRetentionRoute rawRetentionRoute(RawPayloadSweep sweep, RawPayloadSettings settings) {
        return new RawRetentionRoute(sweep, settings.rawSweepInterval());
    }

    @Bean
    FeedIntake feedIntake(IntakeStore store, GatewayProperties properties, RecordLimits limits, Clock clock,
                          ObjectProvider<IntakeListener> listener) {
        return new FeedIntake(store, properties.currencyRates(), limits, properties.feeds().batchSize(), clock,
                listener.getIfAvailable(() -> IntakeListener.NONE));
    }
}

package dev.subsidy.runtime.pull;

import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.RunObserver;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.slf4j.MDC;

/** The end of a run, success or failure: its duration to the observer, the connector off the log context. */
final class RunEnd {

    static void report(RunObserver observer, Exchange exchange, ConnectorInstance instance, boolean succeeded) {
        try {
            Long started = exchange.getProperty(ConnectorHeaders.RUN_STARTED, Long.class);
            Duration took = started == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
            observer.runEnded(instance.id(), took, succeeded);
        } finally {
            MDC.remove(ConnectorHeaders.MDC_CONNECTOR);
        }
    }

    private RunEnd() {}
}

package dev.subsidy.gateway.delivery;

/** Told of every push that went out, whatever its reply, for the delivery meters (docs/operations.md). */
public interface AttemptObserver {

    AttemptObserver NONE = outcome -> { };

    void attempted(DeliveryOutcome outcome);
}

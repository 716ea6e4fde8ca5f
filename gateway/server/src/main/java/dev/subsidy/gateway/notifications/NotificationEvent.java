package dev.subsidy.gateway.notifications;

/** What an incident is about; a webhook subscribes to some of these (docs/operations.md "Notifications"). */
public enum NotificationEvent {
    /** A connector is FAILING: its runs fail, or its definition cannot run. Subject: the connector id. */
    CONNECTOR_FAILING,
    /** The award intake refused the gateway's credentials (401/403), or there is no secret: nothing is pushed. */
    DELIVERY_PAUSED,
    /** A PENDING delivery batch has waited longer than the backlog age. */
    DELIVERY_BACKLOG_OLD
}

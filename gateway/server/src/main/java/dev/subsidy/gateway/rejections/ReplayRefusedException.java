package dev.subsidy.gateway.rejections;

/** A replay that cannot run as the connector stands now: 409 with the reason. */
final class ReplayRefusedException extends RuntimeException {
    ReplayRefusedException(String message) {
        super(message);
    }
}

package dev.subsidy.gateway.web;

import dev.subsidy.gateway.storage.StorageTrouble;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A failure caused by the database being full, busy or out of reach becomes 503 with
 * {@code Retry-After} and the reason, so a feeder can tell it from a bug and send the same body
 * again. Every write of the API is one transaction, so such a failure stored nothing.
 */
@Component
class StorageReplies {

    private static final Logger log = LoggerFactory.getLogger(StorageReplies.class);

    private final long retryAfterSeconds;

    StorageReplies(StorageRetryProperties properties) {
        this.retryAfterSeconds = properties.retryAfter().toSeconds();
    }

    Optional<ResponseEntity<Object>> of(Throwable failure, String method, String path) {
        return StorageTrouble.diagnose(failure).map(found -> {
            // no stack trace: the cause is known, and a full disk would otherwise flood the log it cannot write
            log.warn("{} {}: {}, answered 503: {}", method, path, found.trouble().description(), found.evidence().getMessage());
            return ErrorReplies.entity(HttpStatus.SERVICE_UNAVAILABLE, reason(found.trouble(), method), headers());
        });
    }

    /** "storage is full: nothing was stored; retry later" (a read: "storage is full; retry later"). */
    static String reason(StorageTrouble trouble, String method) {
        boolean read = HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method);
        return trouble.description() + (read ? "; retry later" : ": nothing was stored; retry later");
    }

    HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return headers;
    }
}

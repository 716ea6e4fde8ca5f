package dev.subsidy.gateway.intake;

import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.gateway.web.NotFoundException;
import dev.subsidy.gateway.web.RequestBodies;
import dev.subsidy.intake.FeedFormat;
import dev.subsidy.intake.FeedIntake;
import dev.subsidy.intake.IntakeReceipt;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/feeds/{connectorId}/records}: a batch of standard records from a push feed
 * ({@code standard} or an id of {@code gateway.security.feeder-tokens}), or a native payload for a
 * push connector defined at runtime, handed to {@link PushFeeds}.
 */
@RestController
class FeedController {

    /** The built-in push connector that takes standard records as they are. */
    static final String STANDARD = "standard";

    private final FeedIntake intake;
    private final GatewayProperties properties;
    private final PushFeeds pushFeeds;

    FeedController(FeedIntake intake, GatewayProperties properties, PushFeeds pushFeeds) {
        this.intake = intake;
        this.properties = properties;
        this.pushFeeds = pushFeeds;
    }

    @PostMapping("/api/v1/feeds/{connectorId}/records")
    ResponseEntity<?> post(@PathVariable String connectorId, HttpServletRequest request) {
        if (pushFeeds.has(connectorId)) {
            byte[] body = RequestBodies.read(request, properties.feeds().maxBodyBytes());
            return pushFeeds.receive(connectorId, request, body);
        }
        if (!STANDARD.equals(connectorId) && !properties.security().feederTokens().containsKey(connectorId)) {
            throw new NotFoundException("no push connector '" + connectorId + "'");
        }
        MediaType type = RequestBodies.contentType(request);
        FeedFormat format = FeedFormat.of(type);
        byte[] body = RequestBodies.read(request, properties.feeds().maxBodyBytes());
        IntakeReceipt receipt = intake.ingest(connectorId, format, RequestBodies.charset(type), body);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(receipt);
    }
}

package dev.subsidy.gateway.intake;

import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.gateway.web.NotFoundException;
import dev.subsidy.gateway.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/feeds/{connectorId}/records}: a batch of standard records from a push feed. */
@RestController
class FeedController {

    /** The built-in push connector that takes standard records as they are. */
    static final String STANDARD = "standard";

    private final FeedIntake intake;
    private final GatewayProperties properties;

    FeedController(FeedIntake intake, GatewayProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    @PostMapping("/api/v1/feeds/{connectorId}/records")
    ResponseEntity<IntakeReceipt> post(@PathVariable String connectorId, HttpServletRequest request) {
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

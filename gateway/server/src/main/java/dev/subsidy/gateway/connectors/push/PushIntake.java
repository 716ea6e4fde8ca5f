package dev.subsidy.gateway.connectors.push;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.PushConnector;
import dev.subsidy.connector.api.PushReply;
import dev.subsidy.connector.api.PushRequest;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.gateway.connectors.ConnectorInstance;
import dev.subsidy.gateway.connectors.ConnectorRuntime;
import dev.subsidy.gateway.connectors.definition.ConnectorDefinition;
import dev.subsidy.gateway.connectors.mapping.IntakeRecords;
import dev.subsidy.gateway.connectors.mapping.RecordMapper;
import dev.subsidy.gateway.intake.FeedIntake;
import dev.subsidy.gateway.intake.IntakeCommitHook;
import dev.subsidy.gateway.intake.IntakeReceipt;
import dev.subsidy.gateway.intake.PushFeeds;
import dev.subsidy.gateway.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A post for a push connector: the connector reads it into source records, the definition's
 * mapping makes standard records of them, and the intake stores them in one transaction before the
 * sender is answered, with the receipt or with the connector's acknowledgement.
 */
public final class PushIntake implements PushFeeds {

    private static final Logger log = LoggerFactory.getLogger(PushIntake.class);
    static final String ORIGIN = "PUSH";

    private final ConnectorRuntime runtime;
    private final RecordMapper mapper;
    private final FeedIntake intake;
    private final Clock clock;

    public PushIntake(ConnectorRuntime runtime, RecordMapper mapper, FeedIntake intake, Clock clock) {
        this.runtime = runtime;
        this.mapper = mapper;
        this.intake = intake;
        this.clock = clock;
    }

    @Override
    public boolean has(String connectorId) {
        return runtime.find(connectorId).flatMap(ConnectorInstance::kind).orElse(null) == ConnectorKind.PUSH;
    }

    @Override
    public ResponseEntity<?> receive(String connectorId, HttpServletRequest http, byte[] body) {
        ConnectorInstance instance = runtime.find(connectorId).orElseThrow();
        if (instance.status().isPaused()) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "connector " + connectorId + " is paused; send again later");
        }
        PushRequest request = new PushRequest(http.getContentType(), headers(http), params(http), body);
        PushConnector connector;
        RecordBatch batch;
        try {
            connector = instance.push();
            batch = connector.receive(request);
        } catch (ConnectorException e) {
            String reason = instance.redactor().describe(e);
            instance.status().refused(clock.instant(), reason);
            log.warn("push to connector {} refused: {}", connectorId, reason);
            return error(status(e), reason);
        }
        ConnectorDefinition d = instance.definition();
        IntakeReceipt receipt = intake.ingest(connectorId, ORIGIN,
                IntakeRecords.of(mapper.map(d.effectiveMapping(), d.mappingParams(), batch.records())), IntakeCommitHook.NONE);
        instance.status().received(clock.instant());
        if (connector instanceof ReceiptReply) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(receipt);
        }
        PushReply ack = connector.acknowledge(request, batch);
        return ResponseEntity.status(ack.status()).contentType(MediaType.parseMediaType(ack.contentType())).body(ack.body());
    }

    private static HttpStatus status(ConnectorException e) {
        return switch (e.reason()) {
            case UNAUTHORIZED -> HttpStatus.FORBIDDEN;
            case BAD_PAYLOAD -> HttpStatus.BAD_REQUEST;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String reason) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), reason));
    }

    /** The request's headers without the feeder's credentials: a connector never sees the gateway's token. */
    private static Map<String, List<String>> headers(HttpServletRequest http) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(http.getHeaderNames())) {
            if (!name.toLowerCase(Locale.ROOT).equals(HttpHeaders.AUTHORIZATION.toLowerCase(Locale.ROOT))) {
                headers.put(name, Collections.list(http.getHeaders(name)));
            }
        }
        return headers;
    }

    /** Query parameters only: the body was read as bytes and goes to the connector whole. */
    private static Map<String, List<String>> params(HttpServletRequest http) {
        if (http.getQueryString() == null) {
            return Map.of();
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        UriComponentsBuilder.newInstance().query(http.getQueryString()).build(false).getQueryParams()
                .forEach((k, v) -> params.put(k, new ArrayList<>(v)));
        return params;
    }
}

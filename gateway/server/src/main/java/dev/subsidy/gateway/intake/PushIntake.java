package dev.subsidy.gateway.intake;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.PushConnector;
import dev.subsidy.connector.api.PushReply;
import dev.subsidy.connector.api.PushRequest;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.gateway.web.ApiError;
import dev.subsidy.intake.FeedIntake;
import dev.subsidy.intake.IntakeCommitHook;
import dev.subsidy.intake.IntakeReceipt;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.assembly.TraceAssembler;
import dev.subsidy.runtime.definition.ConnectorDefinition;
import dev.subsidy.runtime.mapping.IntakeRecords;
import dev.subsidy.runtime.mapping.RecordMapper;
import dev.subsidy.runtime.push.ReceiptReply;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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
 * sender is answered, with the receipt or with the connector's acknowledgement (and the receipt's
 * counts in {@code X-Intake-*} headers). A definition with an {@code assembly} has each waybill's
 * fragment merged with its kept events first ({@link TraceAssembler}), in the same transaction.
 */
public final class PushIntake implements PushFeeds {

    private static final Logger log = LoggerFactory.getLogger(PushIntake.class);
    static final String ORIGIN = "PUSH";

    private final ConnectorRuntime runtime;
    private final RecordMapper mapper;
    private final FeedIntake intake;
    private final Clock clock;
    private final TraceAssembler assembler;

    public PushIntake(ConnectorRuntime runtime, RecordMapper mapper, FeedIntake intake, Clock clock, TraceAssembler assembler) {
        this.assembler = assembler;
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
        IntakeReceipt receipt;
        if (d.assembly() == null) {
            receipt = intake.ingest(connectorId, ORIGIN,
                    IntakeRecords.of(mapper.map(d.effectiveMapping(), d.mappingParams(), batch.records())), IntakeCommitHook.NONE);
        } else {
            Instant receivedAt = clock.instant();
            TraceAssembler.Pass pass = assembler.pass(connectorId, d.assembly(), d.effectiveMapping(), d.mappingParams());
            receipt = intake.ingestPrepared(connectorId, ORIGIN, () -> IntakeRecords.of(pass.prepare(batch.records())),
                    stored -> pass.keep(stored.batchId(), receivedAt)).assembling(pass.waiting());
            if (!receipt.assembling().isEmpty()) {
                log.info("feed {}: {} waybills assembling, their events kept: {}", connectorId, receipt.assembling().size(),
                        receipt.assembling().stream().map(w -> w.waybill() + " waits for " + w.waitingFor()).toList());
            }
        }
        instance.status().received(clock.instant());
        if (connector instanceof ReceiptReply) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(receipt);
        }
        PushReply ack = connector.acknowledge(request, batch);
        return ResponseEntity.status(ack.status()).headers(intakeHeaders(receipt))
                .contentType(MediaType.parseMediaType(ack.contentType())).body(ack.body());
    }

    /**
     * What the intake made of a push answered in the partner's own shape (whose body the partner
     * reads and the gateway cannot add to): counts, and each waybill still assembling with what it
     * waits for. Header values are ASCII: anything else is percent-encoded (UTF-8).
     */
    static HttpHeaders intakeHeaders(IntakeReceipt receipt) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Intake-Accepted", Integer.toString(receipt.accepted()));
        headers.set("X-Intake-Duplicates", Integer.toString(receipt.duplicates()));
        headers.set("X-Intake-Rejected", Integer.toString(receipt.rejected().size()));
        if (!receipt.assembling().isEmpty()) {
            headers.set("X-Intake-Assembling", Integer.toString(receipt.assembling().size()));
            for (IntakeReceipt.Waiting w : receipt.assembling()) {
                headers.add("X-Intake-Waiting", ascii("waybill " + w.waybill() + ": assembling, " + w.events()
                        + (w.events() == 1 ? " event" : " events") + " kept, waiting for " + w.waitingFor()));
            }
        }
        return headers;
    }

    private static String ascii(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
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

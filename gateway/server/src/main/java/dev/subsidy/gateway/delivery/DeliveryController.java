package dev.subsidy.gateway.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/v1/deliveries}: the pushes to the award intake. Who may call it (the administrator) is
 * the security filter's business, not this class's.
 */
@RestController
@RequestMapping("/api/v1/deliveries")
class DeliveryController {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;

    private static final Logger log = LoggerFactory.getLogger(DeliveryController.class);

    private final DeliveryStore store;
    private final DeliveryGate gate;
    private final Clock clock;

    DeliveryController(DeliveryStore store, DeliveryGate gate, Clock clock) {
        this.store = store;
        this.gate = gate;
        this.clock = clock;
    }

    /** Newest first, without bodies unless asked: a body can hold thousands of lines. */
    @GetMapping
    List<DeliveryView> list(@RequestParam(required = false) DeliveryStatus status,
                            @RequestParam(defaultValue = "false") boolean withBody,
                            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1.." + MAX_LIMIT);
        }
        return store.list(Optional.ofNullable(status), withBody, limit);
    }

    /**
     * Makes a PENDING or FAILED batch due now and resumes pushing if the intake had refused our
     * credentials: an operator retrying is the signal that the cause was dealt with.
     */
    @PostMapping("/{id}/retry")
    DeliveryView retry(@PathVariable String id) {
        switch (store.makeDue(id, clock.instant())) {
            case UNKNOWN -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no delivery " + id);
            case ALREADY_DELIVERED -> throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "delivery " + id + " is already DELIVERED");
            case DUE -> {
                Optional<String> was = gate.resume();
                log.info("operator retry: batch {} due now{}", id,
                        was.map(reason -> "; pushing resumed (was paused: " + reason + ")").orElse(""));
            }
        }
        return store.find(id, false).orElseThrow();
    }

    /** Whether pushing runs, and if not why: the state the list alone cannot show. */
    @GetMapping("/state")
    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        Optional<String> paused = gate.pausedBecause();
        Optional<Instant> held = gate.heldAt(clock.instant());
        state.put("pushing", paused.isPresent() ? "PAUSED" : held.isPresent() ? "HELD" : "ACTIVE");
        paused.ifPresent(reason -> state.put("reason", reason));
        held.ifPresent(until -> state.put("heldUntil", until.toString()));
        return state;
    }
}

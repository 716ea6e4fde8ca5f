package dev.subsidy.gateway.connectors;

import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.gateway.web.ApiError;
import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.gateway.web.NotFoundException;
import dev.subsidy.gateway.web.RequestBodies;
import dev.subsidy.runtime.ConnectorCounters;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.admin.ConnectorAdmin;
import dev.subsidy.runtime.definition.DefinitionProblem;
import dev.subsidy.runtime.definition.DefinitionWriter;
import dev.subsidy.runtime.pull.CheckpointStore;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The connector endpoints of docs/api.md (administrator only): list with state and counters,
 * add or replace from a definition (YAML or JSON) without a restart, validate, run now (a pull
 * connector polls; a file connector ends its backoff and reads its inbox), pause, resume, delete (what
 * the connector stored and its history stay), and a pull connector's checkpoint reset and set. Definitions are
 * returned as given: secrets appear as their environment references.
 */
@RestController
@RequestMapping("/api/v1/connectors")
class ConnectorController {

    /** A definition is a few KB; anything near this is not one. */
    static final long MAX_DEFINITION_BYTES = 256 * 1024;
    /** A checkpoint holds at most 4096 characters; with quoting and Chinese text this is ample. */
    static final long MAX_CHECKPOINT_BYTES = 64 * 1024;

    private final ConnectorAdmin admin;
    private final ConnectorRuntime runtime;
    private final ConnectorCounters counters;
    private final CheckpointStore checkpoints;
    private final DefinitionWriter writer = new DefinitionWriter();

    ConnectorController(ConnectorAdmin admin, ConnectorRuntime runtime, ConnectorCounters counters,
                        CheckpointStore checkpoints) {
        this.checkpoints = checkpoints;
        this.admin = admin;
        this.runtime = runtime;
        this.counters = counters;
    }

    /** The reply of validate. */
    record Validation(boolean valid, List<DefinitionProblem> problems) {}

    /** A refused add: the API's error shape ({@code status}, {@code error}) with every problem of the definition. */
    record Refused(int status, String error, boolean valid, List<DefinitionProblem> problems) {
        static Refused of(List<DefinitionProblem> problems) {
            return new Refused(400, "the definition has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + ", each listed in problems; nothing was added", false, problems);
        }
    }

    @GetMapping
    List<ConnectorView> list() {
        Map<String, ConnectorCounters.Counts> counts = counters.all();
        return runtime.all().stream()
                .map(i -> view(i, counts))
                .toList();
    }

    @GetMapping("/{id}")
    ConnectorView one(@PathVariable String id) {
        return view(instance(id), counters.all());
    }

    @PostMapping
    ResponseEntity<?> add(HttpServletRequest request) {
        ConnectorAdmin.Checked checked = admin.add(text(request));
        if (!checked.valid()) {
            return ResponseEntity.badRequest().body(Refused.of(checked.problems()));
        }
        return ResponseEntity.ok(view(instance(checked.definition().id()), counters.all()));
    }

    @PostMapping("/validate")
    Validation validate(HttpServletRequest request) {
        ConnectorAdmin.Checked checked = admin.check(text(request));
        return new Validation(checked.valid(), checked.problems());
    }

    @PostMapping("/{id}/run")
    ResponseEntity<?> run(@PathVariable String id) {
        ConnectorInstance instance = instance(id);
        ConnectorKind kind = instance.kind().orElse(null);
        if (kind != ConnectorKind.PULL && kind != ConnectorKind.FILE) {
            return conflict("connector " + id + " is not a pull or file connector: there is nothing to run");
        }
        if (instance.status().isPaused()) {
            return conflict("connector " + id + " is paused: resume it to run it");
        }
        runtime.runNow(instance);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(instance, counters.all()));
    }

    @PostMapping("/{id}/pause")
    ConnectorView pause(@PathVariable String id) {
        ConnectorInstance instance = instance(id);
        admin.pause(instance);
        return view(instance, counters.all());
    }

    @PostMapping("/{id}/resume")
    ConnectorView resume(@PathVariable String id) {
        ConnectorInstance instance = instance(id);
        admin.resume(instance);
        return view(instance, counters.all());
    }

    /**
     * Stops and forgets a connector; 200 with its last view (STOPPED). Its records, batches, rejections,
     * checkpoint and run history stay. 409 for one configured in a file of {@code gateway.connectors.dir}.
     */
    @DeleteMapping("/{id}")
    ResponseEntity<?> delete(@PathVariable String id) {
        Map<String, ConnectorCounters.Counts> counts = counters.all();
        try {
            ConnectorInstance deleted = admin.delete(id).orElseThrow(() -> new NotFoundException("no connector '" + id + "'"));
            return ResponseEntity.ok(view(deleted, counts));
        } catch (ConnectorAdmin.Refused e) {
            return conflict(e.getMessage());
        }
    }

    /** The next run of a pull connector reads from the start (at once unless paused); 409 for other kinds or while it runs. */
    @PostMapping("/{id}/checkpoint/reset")
    ResponseEntity<?> resetCheckpoint(@PathVariable String id) {
        ConnectorInstance instance = instance(id);
        try {
            admin.resetCheckpoint(instance);
        } catch (ConnectorAdmin.Refused e) {
            return conflict(e.getMessage());
        }
        return ResponseEntity.ok(view(instance, counters.all()));
    }

    /**
     * Sets a pull connector's checkpoint (Kafka Connect's offsets API): {@code {"value": {...}}} with the
     * entries as the view's {@code checkpoint} shows them. 400 with the connector's reason for a value it
     * would not resume from; 409 for other kinds or while it runs.
     */
    @PutMapping("/{id}/checkpoint")
    ResponseEntity<?> setCheckpoint(@PathVariable String id, HttpServletRequest request) {
        ConnectorInstance instance = instance(id);
        Map<String, String> entries = CheckpointBody.entries(RequestBodies.read(request, MAX_CHECKPOINT_BYTES));
        try {
            admin.setCheckpoint(instance, entries);
        } catch (ConnectorAdmin.Refused e) {
            return conflict(e.getMessage());
        } catch (ConnectorAdmin.BadCheckpoint e) {
            throw new BadRequestException(e.getMessage());
        }
        return ResponseEntity.ok(view(instance, counters.all()));
    }

    private ConnectorInstance instance(String id) {
        return runtime.find(id).orElseThrow(() -> new NotFoundException("no connector '" + id + "'"));
    }

    private ConnectorView view(ConnectorInstance i, Map<String, ConnectorCounters.Counts> counts) {
        return ConnectorView.of(i, counts.getOrDefault(i.id(), ConnectorCounters.Counts.NONE), writer.toJson(i.definition()),
                checkpoints);
    }

    private static String text(HttpServletRequest request) {
        return new String(RequestBodies.read(request, MAX_DEFINITION_BYTES), StandardCharsets.UTF_8);
    }

    private static ResponseEntity<?> conflict(String reason) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(409, reason));
    }
}

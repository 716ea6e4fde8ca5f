package dev.subsidy.gateway.connectors.mapping;

import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.gateway.web.ApiError;
import dev.subsidy.gateway.web.NotFoundException;
import dev.subsidy.gateway.web.RequestBodies;
import dev.subsidy.intake.TextDecoder;
import dev.subsidy.mapping.MappingProblem;
import dev.subsidy.runtime.mapping.KnownMapping;
import dev.subsidy.runtime.mapping.MappingLibrary;
import dev.subsidy.runtime.mapping.RecordMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A mapping's samples and a trial of it (administrator only): the cases shipped with a built-in mapping,
 * and what the mapping as it is now makes of records the administrator gives, each accepted or rejected
 * with the intake's reason, storing nothing (docs/api.md "Mappings").
 */
@RestController
@RequestMapping("/api/v1/mappings")
class MappingSamplesController {

    private final MappingLibrary library;
    private final ShippedSamples samples;
    private final MappingTrial trial;
    private final long maxBodyBytes;

    MappingSamplesController(MappingLibrary library, ShippedSamples samples, MappingTrial trial, GatewayProperties properties) {
        this.library = library;
        this.samples = samples;
        this.trial = trial;
        this.maxBodyBytes = properties.feeds().maxBodyBytes();
    }

    /** The answer of a trial, one line per standard record (or per source record that gave none). */
    record Trial(List<MappingTrial.Outcome> records) {}

    /** A mapping that does not compile, tried: the usual error, and where in its text. */
    record Broken(int status, String error, int line, int column, String message) {}

    /** The shipped cases of a mapping; none for the identity and for mappings added by an operator. */
    @GetMapping("/{name}/samples")
    List<ShippedSamples.Sample> samples(@PathVariable String name) {
        if (RecordMapper.STANDARD.equals(name)) {
            return List.of();
        }
        known(name);
        // only a name of the API's form is looked for among the files (an operator's file may be named otherwise)
        return MappingLibrary.NAME.matcher(name).matches() ? samples.of(name) : List.of();
    }

    /**
     * Runs one record (a JSON object) or a JSON array of records through the mapping, with the query's
     * parameters as its {@code $params}, then through the intake's checks.
     */
    @PostMapping("/{name}/try")
    ResponseEntity<?> tryRecords(@PathVariable String name, @RequestParam Map<String, String> params,
                                 HttpServletRequest request) {
        if (!RecordMapper.STANDARD.equals(name)) {
            MappingProblem problem = known(name).problem();
            if (problem != null) {
                return ResponseEntity.status(HttpStatus.CONFLICT).body(new Broken(409, "mapping '" + name
                        + "' does not compile: line " + problem.line() + ", column " + problem.column() + ": "
                        + problem.message(), problem.line(), problem.column(), problem.message()));
            }
        }
        MediaType type = RequestBodies.contentType(request);
        if (type != null && (MediaType.APPLICATION_FORM_URLENCODED.includes(type) || MediaType.MULTIPART_FORM_DATA.includes(type))) {
            // a form body is parsed into parameters before it gets here (curl's default for --data)
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(new ApiError(415,
                    "send the records as application/json, not as " + type));
        }
        String text = TextDecoder.decode(RequestBodies.read(request, maxBodyBytes), RequestBodies.charset(type));
        return ResponseEntity.ok(new Trial(trial.run(name, params, TrialBody.records(text))));
    }

    private KnownMapping known(String name) {
        return library.find(name).orElseThrow(() -> new NotFoundException("no mapping '" + name + "'"));
    }
}

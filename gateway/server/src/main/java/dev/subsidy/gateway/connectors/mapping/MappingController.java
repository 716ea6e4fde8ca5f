package dev.subsidy.gateway.connectors.mapping;

import dev.subsidy.gateway.web.ApiError;
import dev.subsidy.gateway.web.NotFoundException;
import dev.subsidy.gateway.web.RequestBodies;
import dev.subsidy.mapping.MappingLoadException;
import dev.subsidy.mapping.MappingProblem;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.mapping.KnownMapping;
import dev.subsidy.runtime.mapping.MappingLibrary;
import dev.subsidy.runtime.mapping.MappingUpload;
import dev.subsidy.runtime.mapping.RecordMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mapping endpoints (administrator only): list every mapping with where it comes from, and add
 * or replace one from its JSLT text without a restart. A text that is not UTF-8, is longer than
 * {@code gateway.mappings.max-text-bytes}, or cannot be compiled or analysed in the mapping sandbox is
 * refused with 400, the line, column and the reason, and nothing is kept.
 */
@RestController
@RequestMapping("/api/v1/mappings")
class MappingController {

    private final MappingLibrary library;
    private final ConnectorRuntime runtime;

    MappingController(MappingLibrary library, ConnectorRuntime runtime) {
        this.library = library;
        this.runtime = runtime;
    }

    /** Where a mapping does not compile. */
    record Problem(int line, int column, String message) {
        static Problem of(MappingProblem p) {
            return new Problem(p.line(), p.column(), p.message());
        }
    }

    /**
     * One mapping in the list.
     *
     * @param source {@code identity}, {@code built-in}, {@code folder} or {@code api}
     * @param problem why it does not compile, or null
     */
    record View(String name, String source, String origin, Problem problem) {
        static View of(KnownMapping k) {
            return new View(k.name(), k.source().name().toLowerCase(Locale.ROOT).replace('_', '-'), k.origin(),
                    k.problem() == null ? null : Problem.of(k.problem()));
        }
    }

    /** The reply to a mapping refused: the usual error, and where in the text. */
    record Refusal(int status, String error, Integer line, Integer column, String message) {
        static Refusal at(String name, int line, int column, String message) {
            return new Refusal(400, "mapping '" + name + "' does not compile: line " + line + ", column " + column + ": "
                    + message, line, column, message);
        }
    }

    @GetMapping
    List<View> list() {
        List<View> views = new ArrayList<>();
        views.add(new View(RecordMapper.STANDARD, "identity", "built in: records that already are standard records", null));
        library.all().forEach(k -> views.add(View.of(k)));
        return views;
    }

    /**
     * Deletes a mapping added through the API (and its file). 409 while a connector names it or a
     * mapping imports it (each named), and for a built-in mapping or one in the operator's folder.
     */
    @DeleteMapping("/{name}")
    ResponseEntity<?> delete(@PathVariable String name) {
        if (RecordMapper.STANDARD.equals(name)) {
            return conflict("mapping '" + name + "' is built-in: the identity for records that already are standard records");
        }
        KnownMapping known = library.find(name).orElseThrow(() -> new NotFoundException("no mapping '" + name + "'"));
        List<String> users = runtime.all().stream().filter(i -> name.equals(i.definition().effectiveMapping()))
                .map(ConnectorInstance::id).toList();
        // a built-in or folder mapping is refused for what it is, whoever uses it: the library says so
        if (!users.isEmpty() && known.source() == KnownMapping.Source.API) {
            return conflict("mapping '" + name + "' is used by connector(s) " + String.join(", ", users)
                    + ": change their definitions or delete them first");
        }
        try {
            if (!library.remove(name)) {
                throw new NotFoundException("no mapping '" + name + "'");
            }
        } catch (MappingLibrary.Kept e) {
            return conflict(e.getMessage());
        }
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<?> conflict(String reason) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(409, reason));
    }

    @PutMapping("/{name}")
    ResponseEntity<?> put(@PathVariable String name, HttpServletRequest request) {
        MediaType type = RequestBodies.contentType(request);
        if (type != null && (MediaType.APPLICATION_FORM_URLENCODED.includes(type) || MediaType.MULTIPART_FORM_DATA.includes(type))) {
            // a form body is parsed into parameters before it gets here (curl's default for --data):
            // the mapping would arrive empty or mangled
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(new Refusal(415,
                    "send the mapping's JSLT text as text/plain, not as " + type, null, null, null));
        }
        Charset declared = RequestBodies.charset(type);
        if (declared != null && !declared.equals(StandardCharsets.UTF_8) && !declared.equals(StandardCharsets.US_ASCII)) {
            return ResponseEntity.badRequest().body(new Refusal(400, "a mapping's text is UTF-8; this one is declared as "
                    + declared.name() + ": save it as UTF-8 and send it with charset=UTF-8", null, null, null));
        }
        MappingUpload.Result upload;
        try {
            upload = MappingUpload.read(request.getInputStream(), library.limits().maxTextBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("request body cannot be read", e);
        }
        if (upload.text() == null) {
            return ResponseEntity.badRequest().body(Refusal.at(name, upload.line(), upload.column(), upload.problem()));
        }
        String text = upload.text();
        try {
            return ResponseEntity.ok(View.of(library.add(name, text)));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(new Refusal(400, e.getMessage(), null, null, null));
        } catch (MappingLoadException e) {
            MappingProblem p = e.problems().isEmpty() ? null : e.problems().get(0);
            if (p == null) {
                return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(new Refusal(400, e.getMessage(), null, null, null));
            }
            return ResponseEntity.badRequest().body(Refusal.at(name, p.line(), p.column(), p.message()));
        }
    }
}

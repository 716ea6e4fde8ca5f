package dev.subsidy.gateway.awards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.subsidy.gateway.storage.registry.RegistryStore;
import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.gateway.web.RequestBodies;
import dev.subsidy.intake.UnreadableBodyException;
import dev.subsidy.model.Period;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Figures no feed carries (开票销售, 参保人数 …), entered by an administrator:
 * {@code PUT /api/v1/figures/entered} with a JSON array, {@code GET /api/v1/figures/entered?period=&subject=&history=}.
 * They count from the next close of their period.
 */
@RestController
class EnteredFigureController {

    /** A county's entries fit in far less; a larger body is a mistake, refused before it is held. */
    private static final long MAX_BODY = 4L * 1024 * 1024;

    private final EnteredFigureStore store;
    private final ObjectMapper json;
    private final FigureEntryReader reader;

    EnteredFigureController(EnteredFigureStore store, RegistryStore registry, ObjectMapper json) {
        this.store = store;
        this.json = json;
        this.reader = new FigureEntryReader(registry::find);
    }

    record Rejected(int index, String reason) {}

    record EnterReply(int stored, List<Rejected> rejected) {}

    @PutMapping("/api/v1/figures/entered")
    EnterReply enter(HttpServletRequest request) {
        byte[] body = RequestBodies.read(request, MAX_BODY);
        JsonNode root;
        try {
            root = json.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new UnreadableBodyException("body is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(root instanceof ArrayNode array)) {
            throw new UnreadableBodyException("body must be a JSON array of {subject, metric, period, value, note}");
        }
        List<FigureEntry> valid = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            List<String> problems = new ArrayList<>();
            FigureEntry entry = reader.read(array.get(i), problems);
            if (entry == null) {
                rejected.add(new Rejected(i, String.join("; ", problems)));
            } else {
                valid.add(entry);
            }
        }
        store.enter(valid, EnteredBy.of(request.getHeader(EnteredBy.HEADER)));
        return new EnterReply(valid.size(), rejected);
    }

    @GetMapping("/api/v1/figures/entered")
    List<EnteredFigure> entered(@RequestParam(required = false) String period,
                                @RequestParam(required = false) String subject,
                                @RequestParam(defaultValue = "false") boolean history) {
        if (period != null) {
            try {
                period = Period.parse(period).toString();
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        }
        return store.find(period, subject, history);
    }
}

package dev.subsidy.gateway.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.gateway.storage.registry.RegistryStore;
import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.gateway.web.JsonArrayBody;
import dev.subsidy.gateway.web.NotFoundException;
import dev.subsidy.gateway.web.RequestBodies;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.intake.CsvRecordReader;
import dev.subsidy.intake.FeedFormat;
import dev.subsidy.intake.TextDecoder;
import dev.subsidy.intake.UnsupportedFormatException;
import dev.subsidy.model.Subject;
import dev.subsidy.model.VisibleText;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** The registry of subjects (名录): {@code PUT /api/v1/registry/subjects}, {@code GET …/{id}}. */
@RestController
class RegistryController {

    private static final String XLSX_TYPE = "application/" + WorkbookEntries.MEDIA_SUBTYPE;
    private static final Set<String> CSV_LIST_FIELDS = Set.of("categories", "shops", "sites", "carriers");
    /** Registration dates are China's calendar days. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final RegistryStore store;
    private final ObjectMapper json;
    private final GatewayProperties properties;
    private final Clock clock;

    RegistryController(RegistryStore store, ObjectMapper json, GatewayProperties properties, Clock clock) {
        this.store = store;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    record Rejected(int index, String reason) {}

    record Warning(int index, String warning) {}

    record UpsertReply(int upserted, List<Rejected> rejected, List<Warning> warnings) {}

    /**
     * A bad entry is rejected on its own with every reason; entries that contradict each other (the
     * same id twice, a shop of two subjects) refuse the whole body with 400, storing nothing.
     */
    @PutMapping("/api/v1/registry/subjects")
    UpsertReply upsert(HttpServletRequest request) {
        MediaType type = RequestBodies.contentType(request);
        boolean xlsx = type != null && WorkbookEntries.MEDIA_SUBTYPE.equalsIgnoreCase(type.getSubtype());
        FeedFormat format = xlsx ? FeedFormat.CSV : format(type);
        byte[] body = RequestBodies.read(request, properties.feeds().maxBodyBytes());
        // a workbook's cells are text as a CSV body's are, so it is read as CSV from there on
        boolean csv = format == FeedFormat.CSV;
        List<BodyRecord> entries = xlsx ? lists(WorkbookEntries.read(body, json, CSV_LIST_FIELDS))
                : csv ? csv(TextDecoder.decode(body, RequestBodies.charset(type)))
                : JsonArrayBody.entries(TextDecoder.decode(body, RequestBodies.charset(type)), json, "subjects");
        SubjectParser parser = new SubjectParser(LocalDate.now(clock.withZone(CHINA)));
        List<Subject> valid = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        BodyConflicts conflicts = new BodyConflicts();
        for (BodyRecord entry : entries) {
            if (entry.fields() == null) {
                rejected.add(new Rejected(entry.index(), located(entry, entry.problem())));
                continue;
            }
            SubjectParser.Parsed parsed = parser.parse(entry.fields(), csv ? SubjectParser.Source.CSV : SubjectParser.Source.JSON);
            if (parsed.id() != null) {
                conflicts.id(entry.index(), parsed.id());
            }
            parsed.warnings().forEach(w -> warnings.add(new Warning(entry.index(), located(entry, w))));
            if (parsed.subject() == null) {
                rejected.add(new Rejected(entry.index(), located(entry, String.join("; ", parsed.problems()))));
                continue;
            }
            conflicts.subject(entry.index(), parsed.subject());
            valid.add(parsed.subject());
        }
        conflicts.refusal().ifPresent(reason -> {
            throw new BadRequestException(reason);
        });
        store.upsert(valid);
        return new UpsertReply(valid.size(), rejected, warnings);
    }

    /** Looked up as it is kept: a full-width or lower-case credit code finds its subject. */
    @GetMapping("/api/v1/registry/subjects/{id}")
    Subject get(@PathVariable String id) {
        return store.find(SubjectParser.normaliseId(id))
                .orElseThrow(() -> new NotFoundException("no subject " + VisibleText.shown(id) + " in the registry"));
    }

    /** The feeds' formats, a refusal naming the registry's own (XLSX included) for any other. */
    private static FeedFormat format(MediaType type) {
        try {
            return FeedFormat.of(type);
        } catch (UnsupportedFormatException e) {
            throw new UnsupportedFormatException("Content-Type " + type.getType() + "/" + type.getSubtype()
                    + " is not a registry format: use application/json, text/csv or " + XLSX_TYPE);
        }
    }

    /** A workbook row's reason names its sheet and row, as Excel shows them; a CSV or JSON entry has its index. */
    private static String located(BodyRecord entry, String reason) {
        return entry.position() == null ? reason : entry.position() + ": " + reason;
    }

    /** CSV cells: shops "TAOBAO:123;PDD:9", sites "ZTO:CJ001:522633101", lists separated by ";" or "|". */
    private List<BodyRecord> csv(String text) {
        CsvRecordReader reader = new CsvRecordReader(text, json, CSV_LIST_FIELDS);
        List<BodyRecord> out = new ArrayList<>();
        for (List<BodyRecord> chunk = reader.next(1000); !chunk.isEmpty(); chunk = reader.next(1000)) {
            out.addAll(chunk);
        }
        return lists(out);
    }

    /** Shop and site cells of CSV or workbook rows as the objects a JSON body sends. */
    private List<BodyRecord> lists(List<BodyRecord> rows) {
        for (BodyRecord row : rows) {
            if (row.fields() != null) {
                objects(row.fields(), "shops", "platform", "shopId");
                objects(row.fields(), "sites", "carrier", "siteCode", "region");
            }
        }
        return rows;
    }

    private void objects(ObjectNode row, String field, String... names) {
        JsonNode items = row.get(field);
        if (items == null) {
            return;
        }
        ArrayNode objects = json.createArrayNode();
        for (JsonNode item : items) {
            String[] parts = item.asText().split(":", names.length);
            ObjectNode o = objects.addObject();
            for (int i = 0; i < parts.length; i++) {
                o.put(names[i], parts[i].strip());
            }
        }
        row.set(field, objects);
    }
}

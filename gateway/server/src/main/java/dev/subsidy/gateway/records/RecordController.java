package dev.subsidy.gateway.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.review.DecisionView;
import dev.subsidy.gateway.review.FindingView;
import dev.subsidy.gateway.storage.records.RecordHistory;
import dev.subsidy.gateway.storage.review.JdbcReviewBook;
import dev.subsidy.gateway.storage.review.JdbcReviewQueue;
import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.gateway.web.NotFoundException;
import dev.subsidy.model.RecordKind;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/records/{kind}/{key}}: one record with its status, reasons, source and history,
 * each rule's finding at its last close and every reviewer's decision on it (docs/api.md "Records");
 * {@code …/versions/{n}/raw}: the raw payload one version arrived as.
 */
@RestController
class RecordController {

    private static final MediaType TEXT_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final RecordHistory history;
    private final JdbcReviewQueue queue;
    private final JdbcReviewBook reviews;
    private final ObjectMapper json;

    RecordController(RecordHistory history, JdbcReviewQueue queue, JdbcReviewBook reviews, ObjectMapper json) {
        this.history = history;
        this.queue = queue;
        this.reviews = reviews;
        this.json = json;
    }

    /**
     * @param rawHash SHA-256 of the version's raw payload, null before raw payloads were kept
     * @param rawKept whether {@code …/versions/{n}/raw} still returns it
     * @param rawExpiresAt when the raw payload is (or was) removed
     */
    record Version(int version, Instant updatedAt, String connector, Instant receivedAt, JsonNode record,
                   String rawHash, boolean rawKept, Instant rawExpiresAt) {}

    record View(String kind, String key, String status, List<String> reasons, int version, Instant updatedAt,
                String connector, List<String> connectors, int duplicates, JsonNode record, List<Version> versions,
                List<FindingView> findings, List<DecisionView> decisions) {}

    @GetMapping("/api/v1/records/{kind}/{key}")
    View get(@PathVariable String kind, @PathVariable("key") String given) {
        // keys are stored in NFKC (intake's one form): a full-width waybill number finds its parcel
        String key = Normalizer.normalize(given, Normalizer.Form.NFKC);
        RecordKind k;
        try {
            k = RecordKind.fromWire(kind);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        RecordHistory.Stored stored = history.find(k, key).orElseThrow(() -> new NotFoundException(
                "no " + k.wireName() + " '" + key + "' (keys are CARRIER:waybillNo or PLATFORM:orderId)"));
        List<Version> versions = stored.versions().stream().map(v -> new Version(v.version(), v.updatedAt(),
                v.connector(), v.receivedAt(), parse(v.body()), v.rawHash(), v.rawKept(), v.rawExpiresAt())).toList();
        JsonNode record = versions.stream().filter(v -> v.version() == stored.version()).map(Version::record)
                .findFirst().orElse(null);
        JdbcReviewQueue.Flagged flagged = queue.records(k, List.of(key)).get(key);
        List<FindingView> findings = flagged == null ? List.of()
                : flagged.findings().stream().map(FindingView::of).toList();
        String contentHash = flagged == null ? null : flagged.contentHash();
        List<DecisionView> decisions = reviews.history(k, key).stream().map(d -> DecisionView.of(d, contentHash)).toList();
        return new View(k.wireName(), key, stored.status(),
                stored.reasons() == null ? List.of() : Arrays.asList(stored.reasons().split("; ")), stored.version(),
                stored.updatedAt(), stored.connector(), Arrays.asList(stored.connectors().split(",")),
                stored.duplicates(), record, versions, findings, decisions);
    }

    /**
     * {@code GET /api/v1/records/{kind}/{key}/versions/{n}/raw}: the version's raw payload as received
     * (docs/records.md "Provenance"), whose SHA-256 is the version's {@code rawHash}.
     */
    @GetMapping("/api/v1/records/{kind}/{key}/versions/{version}/raw")
    ResponseEntity<String> raw(@PathVariable String kind, @PathVariable("key") String given,
                               @PathVariable("version") String version) {
        String key = Normalizer.normalize(given, Normalizer.Form.NFKC);
        RecordKind k = kind(kind);
        int n;
        try {
            n = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new BadRequestException("version: '" + version + "' is not a version number (1, 2, …)");
        }
        RecordHistory.RawPayload raw = history.raw(k, key, n).orElseThrow(() -> new NotFoundException(
                "no version " + n + " of " + k.wireName() + " '" + key + "'"));
        if (raw instanceof RecordHistory.RawPayload.Kept kept) {
            return ResponseEntity.ok().contentType(TEXT_UTF8).body(kept.text());
        }
        if (raw instanceof RecordHistory.RawPayload.Expired expired) {
            throw new NotFoundException("raw payload expired on " + expired.on()
                    + " (gateway.intake.raw-retention); its SHA-256 is still the version's rawHash");
        }
        if (raw instanceof RecordHistory.RawPayload.Unreadable unreadable) {
            throw new NotFoundException("raw payload cannot be read back: " + unreadable.why()
                    + "; its SHA-256 is still the version's rawHash");
        }
        throw new NotFoundException("raw payload not kept (received before raw payloads were kept)");
    }

    private static RecordKind kind(String kind) {
        try {
            return RecordKind.fromWire(kind);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("stored record cannot be read", e);
        }
    }
}

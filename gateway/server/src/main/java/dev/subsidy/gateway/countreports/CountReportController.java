package dev.subsidy.gateway.countreports;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.gateway.storage.registry.RegistryStore;
import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.gateway.web.JsonArrayBody;
import dev.subsidy.gateway.web.RequestBodies;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.intake.CsvRecordReader;
import dev.subsidy.intake.FeedFormat;
import dev.subsidy.intake.TextDecoder;
import dev.subsidy.model.Period;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Count reports (点数报表, docs/figures.md "Reported totals"): {@code POST /api/v1/count-reports} keeps the
 * totals firms report, {@code GET} sets each beside what the records verified. Nothing here touches a
 * figure or an award line: they pay on verified records only.
 */
@RestController
class CountReportController {

    private final CountReportStore store;
    private final RegistryStore registry;
    private final CountReportComparison comparison;
    private final ObjectMapper json;
    private final GatewayProperties properties;

    CountReportController(CountReportStore store, RegistryStore registry, CountReportComparison comparison,
                          ObjectMapper json, GatewayProperties properties) {
        this.store = store;
        this.registry = registry;
        this.comparison = comparison;
        this.json = json;
        this.properties = properties;
    }

    record Rejected(int index, String reason) {}

    record StoreReply(int stored, List<Rejected> rejected) {}

    /** Every bad report rejected with its index and reasons, the others stored: a JSON array, or CSV with a header (UTF-8 or GBK). */
    @PostMapping("/api/v1/count-reports")
    StoreReply post(HttpServletRequest request) {
        MediaType type = RequestBodies.contentType(request);
        FeedFormat format = FeedFormat.of(type);
        byte[] body = RequestBodies.read(request, properties.feeds().maxBodyBytes());
        String text = TextDecoder.decode(body, RequestBodies.charset(type));
        List<BodyRecord> entries = format == FeedFormat.CSV ? csv(text) : JsonArrayBody.entries(text, json, "count reports");
        CountReportReader reader = new CountReportReader(registry::find);
        List<CountReport> valid = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (BodyRecord entry : entries) {
            if (entry.fields() == null) {
                rejected.add(new Rejected(entry.index(), entry.problem()));
                continue;
            }
            List<String> problems = new ArrayList<>();
            CountReport report = reader.read(entry.fields(), problems);
            if (report == null) {
                rejected.add(new Rejected(entry.index(), String.join("; ", problems)));
            } else {
                valid.add(report);
            }
        }
        store.store(valid);
        return new StoreReply(valid.size(), rejected);
    }

    /**
     * @param site {@code CARRIER:siteCode}, absent for a whole-subject or shop report
     * @param shop {@code PLATFORM:shopId}, absent for a whole-subject or site report
     * @param verified what the records verified for the same scope; absent when not computable for it
     * @param share difference ÷ verified; absent when nothing was verified
     * @param basis where the verified value comes from
     */
    record Line(String subject, String site, String shop, String period, String metric, String value, String source,
                Instant reportedAt, String verified, String difference, String share, boolean flagged, String reason,
                String basis) {}

    @GetMapping("/api/v1/count-reports")
    List<Line> list(@RequestParam(required = false) String period, @RequestParam(required = false) String subject,
                    @RequestParam(required = false) String flagged) {
        if (period != null) {
            try {
                Period.parse(period);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("period: " + e.getMessage());
            }
        }
        Boolean onlyFlagged = null;
        if (flagged != null) {
            if (!Set.of("true", "false").contains(flagged)) {
                throw new BadRequestException("flagged must be true or false, not '" + flagged + "'");
            }
            onlyFlagged = Boolean.valueOf(flagged);
        }
        List<Line> lines = comparison.lines(store.find(period == null ? null : Period.parse(period).toString(), subject));
        if (onlyFlagged != null) {
            boolean wanted = onlyFlagged;
            lines = lines.stream().filter(l -> l.flagged() == wanted).toList();
        }
        return lines;
    }

    private List<BodyRecord> csv(String text) {
        CsvRecordReader reader = new CsvRecordReader(text, json, Set.of());
        List<BodyRecord> out = new ArrayList<>();
        for (List<BodyRecord> chunk = reader.next(1000); !chunk.isEmpty(); chunk = reader.next(1000)) {
            out.addAll(chunk);
        }
        return out;
    }
}

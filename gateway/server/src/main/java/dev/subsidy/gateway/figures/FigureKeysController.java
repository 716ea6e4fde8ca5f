package dev.subsidy.gateway.figures;

import dev.subsidy.gateway.storage.figures.FigureKeyStore;
import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.gateway.web.NotFoundException;
import dev.subsidy.model.Metric;
import dev.subsidy.model.Period;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * {@code GET /api/v1/figures/{subject}/{metric}/{period}/keys}: the natural keys a figure counted, a page at
 * a time in the digest's order (docs/figures.md "The keys a figure counted"). The figure id
 * {@code <subjectId>/<METRIC>/<period>} is written into the path as it is, its slashes separating segments:
 * an encoded slash is refused by the firewall (docs/api.md "Authentication").
 */
@RestController
class FigureKeysController {

    static final int DEFAULT_SIZE = 1000;
    static final int MAX_SIZE = 10_000;

    private final FigureKeyStore store;

    FigureKeysController(FigureKeyStore store) {
        this.store = store;
    }

    /**
     * @param counted how many keys the revision counted, all pages together
     * @param next the path of the next page; absent on the last one
     * @param previous the path of the previous page; absent on the first one
     */
    record KeyPage(String figureId, int revision, int currentRevision, String digest, int counted, int page, int size,
                   int pages, List<String> keys, String next, String previous) {}

    @GetMapping("/api/v1/figures/{subject}/{metric}/{period}/keys")
    KeyPage keys(@PathVariable String subject, @PathVariable String metric, @PathVariable String period,
                 @RequestParam(required = false) String revision, @RequestParam(required = false) String page,
                 @RequestParam(required = false) String size) {
        if (Metric.measured().stream().noneMatch(m -> m.name().equals(metric))) {
            throw new BadRequestException("unknown metric '" + metric + "' in the figure id (figure ids are "
                    + "<subjectId>/<METRIC>/<period>, the metric one of the measured metrics)");
        }
        try {
            Period.parse(period);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("period '" + period + "' of the figure id: " + e.getMessage());
        }
        int pageNo = positive("page", page, 1, Integer.MAX_VALUE);
        int pageSize = positive("size", size, DEFAULT_SIZE, MAX_SIZE);
        String figureId = subject + "/" + metric + "/" + period;
        int current = store.currentRevision(figureId).orElseThrow(() -> new NotFoundException(
                "no figure '" + figureId + "' has been published"));
        int wanted = positive("revision", revision, current, Integer.MAX_VALUE);
        FigureKeyStore.Revision found = store.revision(figureId, wanted, current).orElseThrow(() -> new NotFoundException(
                "figure '" + figureId + "' has no revision " + wanted + " (its revisions are 1 to " + current + ")"));
        if (!found.keysKept()) {
            throw new NotFoundException("the keys of revision " + wanted + " of figure '" + figureId
                    + "' were not kept: it was published before the gateway kept the keys figures count");
        }
        int counted = found.evidence().counted();
        int pages = Math.max(1, (int) ((counted + (long) pageSize - 1) / pageSize));
        long from = (long) (pageNo - 1) * pageSize;
        List<String> keys = from >= counted ? List.of()
                : store.keys(found.evidence().digest(), (int) from, (int) Math.min(counted, from + pageSize));
        String base = "/api/v1/figures/" + UriUtils.encodePathSegment(subject, StandardCharsets.UTF_8) + "/" + metric
                + "/" + period + "/keys?revision=" + wanted + "&size=" + pageSize + "&page=";
        return new KeyPage(figureId, wanted, current, found.evidence().digest(), counted, pageNo, pageSize, pages, keys,
                pageNo < pages ? base + (pageNo + 1) : null,
                pageNo > 1 ? base + Math.min(pageNo - 1, pages) : null);
    }

    /** A whole number from 1 to max, or the default when the parameter is absent. */
    private static int positive(String name, String given, int absent, int max) {
        if (given == null) {
            return absent;
        }
        int value;
        try {
            value = Integer.parseInt(given.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number from 1 to " + max + ", not '" + given + "'");
        }
        if (value < 1 || value > max) {
            throw new BadRequestException(name + " must be a whole number from 1 to " + max + ", not " + value);
        }
        return value;
    }
}

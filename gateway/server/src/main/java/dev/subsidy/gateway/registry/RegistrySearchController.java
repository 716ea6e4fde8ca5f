package dev.subsidy.gateway.registry;

import dev.subsidy.gateway.storage.registry.RegistryStore;
import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.model.RegionCode;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import dev.subsidy.model.VisibleText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Searching the registry (docs/api.md "Registry", administrator only): subjects by text in their id or
 * name, type and region, a page at a time in id order, each as stored with all its attributes. Every
 * bad filter is named in one 400.
 */
@RestController
class RegistrySearchController {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    /** As long as a name may be (docs/registry.md "Fields"). */
    static final int MAX_TEXT = 100;

    private final RegistryStore store;

    RegistrySearchController(RegistryStore store) {
        this.store = store;
    }

    record Page(int page, int size, long total, List<Subject> items) {}

    @GetMapping("/api/v1/registry/subjects")
    Page search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                @RequestParam(required = false) String region, @RequestParam(required = false) String page,
                @RequestParam(required = false) String size) {
        List<String> problems = new ArrayList<>();
        RegistryStore.Search search = new RegistryStore.Search(text(q, problems), type(type, problems),
                region(region, problems));
        int p = number("page", page, 0, 0, 1_000_000, problems);
        int s = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join("; ", problems));
        }
        RegistryStore.Page found = store.search(search, p, s);
        return new Page(p, s, found.total(), found.items());
    }

    /** Compared as ids and names are kept (NFKC), without regard to case. */
    private static String text(String q, List<String> problems) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = Normalizer.normalize(q, Normalizer.Form.NFKC).strip();
        if (text.length() > MAX_TEXT) {
            problems.add("q: at most " + MAX_TEXT + " characters, not " + text.length());
            return null;
        }
        return text.toLowerCase(Locale.ROOT);
    }

    private static SubjectType type(String type, List<String> problems) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return SubjectType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("type: " + VisibleText.shown(type) + " is not a subject type (one of "
                    + Arrays.stream(SubjectType.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
            return null;
        }
    }

    /** The region and every region under it, as jurisdictions are read (docs/registry.md "Region codes"). */
    private static String region(String region, List<String> problems) {
        if (region == null || region.isBlank()) {
            return null;
        }
        String code = region.strip();
        if (!RegionCode.isValid(code)) {
            problems.add("region: " + VisibleText.shown(region) + " is not a region code of 6, 9 or 12 digits "
                    + "(522633 is 从江县 and every town and village in it)");
            return null;
        }
        return RegionCode.coveringPrefix(code);
    }

    private static int number(String name, String value, int absent, int min, int max, List<String> problems) {
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below, with the bounds
        }
        problems.add(name + ": must be a whole number from " + min + " to " + max + ", not " + VisibleText.shown(value));
        return absent;
    }
}

package dev.subsidy.gateway.registry;

import dev.subsidy.model.Subject;
import dev.subsidy.model.VisibleText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Entries of one registry body that contradict each other: the same subject id twice, or one shop or
 * express site claimed by two different subjects. Stored in order, the last would silently win; which
 * one the administrators meant only they know, so the whole body is refused naming the entries.
 * Collects, then answers once. Not thread-safe (one per body).
 */
final class BodyConflicts {

    /** Groups named in the message; the rest are counted. */
    private static final int NAMED = 10;

    private final Map<String, Set<Integer>> ids = new LinkedHashMap<>();
    private final Map<String, Map<String, Set<Integer>>> claims = new LinkedHashMap<>();

    /** An entry whose id could be read, valid or not. */
    void id(int index, String id) {
        ids.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(index);
    }

    /** A valid subject: its shops and sites. */
    void subject(int index, Subject s) {
        s.shops().forEach(shop -> claim("shop " + shop.platform() + ":" + shop.shopId(), s.id(), index));
        s.sites().forEach(site -> claim("site " + site.carrier() + ":" + site.siteCode(), s.id(), index));
    }

    private void claim(String what, String subject, int index) {
        claims.computeIfAbsent(what, k -> new LinkedHashMap<>()).computeIfAbsent(subject, k -> new LinkedHashSet<>())
                .add(index);
    }

    /** Why the body is refused, or empty when no two entries conflict. */
    Optional<String> refusal() {
        List<String> found = new ArrayList<>();
        ids.forEach((id, at) -> {
            if (at.size() > 1) {
                found.add("id " + VisibleText.shown(id) + " at index " + list(at));
            }
        });
        claims.forEach((what, bySubject) -> {
            if (bySubject.size() > 1) {
                found.add(VisibleText.shown(what) + " claimed by " + bySubject.entrySet().stream()
                        .map(e -> VisibleText.shown(e.getKey()) + " (index " + list(e.getValue()) + ")")
                        .collect(Collectors.joining(" and ")));
            }
        });
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String named = String.join("; ", found.subList(0, Math.min(NAMED, found.size())));
        String more = found.size() > NAMED ? "; and " + (found.size() - NAMED) + " more" : "";
        return Optional.of("entries of this body contradict each other, so nothing was stored (send each subject "
                + "once, each shop and site with one subject; indexes count entries from 0): " + named + more);
    }

    private static String list(Set<Integer> indexes) {
        return indexes.stream().map(String::valueOf).collect(Collectors.joining(" and "));
    }
}

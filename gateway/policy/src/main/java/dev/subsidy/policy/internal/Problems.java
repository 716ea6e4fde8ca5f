package dev.subsidy.policy.internal;

import com.fasterxml.jackson.core.JsonLocation;
import dev.subsidy.policy.PolicyProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects a file's problems, placing each at the line of the nearest key the path names. */
final class Problems {

    private final String file;
    private final Map<String, JsonLocation> locations;
    private final List<PolicyProblem> list = new ArrayList<>();

    Problems(String file, Map<String, JsonLocation> locations) {
        this.file = file;
        this.locations = locations;
    }

    void add(String path, String reason) {
        String p = path;
        JsonLocation at = locations.get(p);
        while (at == null && !p.isEmpty()) {
            p = p.substring(0, p.lastIndexOf('/'));
            at = locations.get(p);
        }
        list.add(new PolicyProblem(file, at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(), path, reason));
    }

    List<PolicyProblem> list() {
        return List.copyOf(list);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }
}

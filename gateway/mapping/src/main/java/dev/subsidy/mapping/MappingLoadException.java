package dev.subsidy.mapping;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Mappings that could not be loaded, with every problem found (not only the first file's), each
 * with its file, line and JSLT's message. The state does not change after construction.
 */
public class MappingLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<MappingProblem> problems;

    public MappingLoadException(List<MappingProblem> problems) {
        super(problems.stream().map(MappingProblem::toString)
                .collect(Collectors.joining("\n  ", "mappings cannot be loaded:\n  ", "")));
        this.problems = List.copyOf(problems);
    }

    public MappingLoadException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    /** Every problem found; empty when the folder itself could not be read (see the cause). */
    public List<MappingProblem> problems() {
        return problems;
    }
}

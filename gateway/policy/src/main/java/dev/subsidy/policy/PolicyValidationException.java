package dev.subsidy.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy file (or several) cannot be used; lists every problem found, not just the first. */
public class PolicyValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<PolicyProblem> problems;

    public PolicyValidationException(List<PolicyProblem> problems) {
        super(problems.size() + " problem(s) in policy configuration:\n"
                + problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}

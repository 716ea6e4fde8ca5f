package dev.subsidy.model;

/** The subject an award line pays, as the award intake names it. */
public record SubjectRef(SubjectType type, String id, String name) {
}

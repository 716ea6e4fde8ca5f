package dev.subsidy.figures;

/** A figure as published, with its revision (1 at first publication, +1 at every change). */
public record PublishedFigure(MeasuredFigure figure, int revision) {}

package dev.subsidy.model;

import java.util.List;

/**
 * Why a figure has its value: how many records it counts, how many in its scope were left out and
 * why, where they came from, and a digest anyone holding the same records can recompute.
 */
public record Evidence(int counted, int suspect, int rejected, int duplicate, List<String> connectors, String digest) {}

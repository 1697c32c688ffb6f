package org.cailab.comparison;

/** How a campaign draws the two snapshots of each comparison from its pool. */
public enum PairDrawing {
    /** Every pair of distinct snapshots equally often. */
    UNIFORM,
    /** A pair {i, j} with probability proportional to weight(i) * weight(j): favoured snapshots appear more. */
    WEIGHTED
}

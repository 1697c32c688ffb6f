package org.cailab.model;

import java.time.OffsetDateTime;
import org.cailab.rating.Wilson;
import org.jspecify.annotations.Nullable;

/**
 * A standard evaluation stored with a snapshot: for a preference model, how many of an evaluation's (correct,
 * incorrect) transcript pairs it ordered correctly (the paper's Figure 4 metric on its HHH comparisons).
 *
 * @param evaluation the evaluation's name (an evaluation set's name, or the HHH file's name)
 * @param runId      the run that evaluated it, if any
 */
public record SnapshotEvaluation(
        long snapshotId,
        String evaluation,
        int correct,
        int comparisons,
        @Nullable Long runId,
        OffsetDateTime evaluatedAt) {

    public double accuracy() {
        return (double) correct / comparisons;
    }

    /** {lower, upper} of the 95% Wilson interval of the accuracy. */
    public double[] interval() {
        return Wilson.interval95(correct, comparisons);
    }
}

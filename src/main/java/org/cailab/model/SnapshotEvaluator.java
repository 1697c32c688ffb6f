package org.cailab.model;

import java.util.List;

/**
 * An evaluation that other modules offer for snapshots on the Models page ("Evaluate on HHH"): a bean implementing
 * this is found by the page, which shows an action for each evaluation it lists for a snapshot. The model module
 * knows nothing of evaluation sets or runs; the implementation does.
 */
public interface SnapshotEvaluator {

    /** The evaluations (by name) this evaluator can run for the snapshot now; empty when none applies. */
    List<String> evaluationsFor(ModelSnapshot snapshot);

    /**
     * Starts evaluating the snapshot on the named evaluation (for example as a run) and says what happened, for
     * the user; the result is later stored with {@link SnapshotEvaluationService#record}.
     */
    String start(ModelSnapshot snapshot, String evaluation);
}

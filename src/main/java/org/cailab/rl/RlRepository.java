package org.cailab.rl;

import java.util.List;

/** Persistence of RL metrics and samples; used only inside {@link RlService}'s transactions. */
interface RlRepository {

    /** Inserts or overwrites the metrics of one step. */
    void upsertStep(long runId, RlStepStats stats);

    /** The steps of a run in order. */
    List<RlStepStats> steps(long runId);

    /** Replaces the samples of one snapshot step. */
    void replaceSamples(long runId, long step, List<RlSample> samples);

    List<RlSample> samples(long runId);
}

package org.cailab.feedback;

import org.cailab.pipeline.RunId;
import org.jspecify.annotations.Nullable;

/**
 * Which pairs to list or export; {@code null} fields do not filter.
 *
 * @param runId          pairs written by this run (sampled pairs or AI feedback labels)
 * @param importId       pairs of this import
 * @param campaignId     crowdworker pairs of this comparison campaign
 * @param labelled       true: only pairs with a label or an AI label about them; false: only pairs without either
 * @param labelledPairId AI feedback labels about this pair
 */
public record PairFilter(
        @Nullable PairTask task,
        @Nullable PairSource source,
        @Nullable Long runId,
        @Nullable Long importId,
        @Nullable Long campaignId,
        @Nullable Boolean labelled,
        @Nullable Long labelledPairId) {

    public static final PairFilter ALL = new PairFilter(null, null, null, null, null, null, null);

    public static PairFilter ofRun(RunId runId) {
        return new PairFilter(null, null, runId.value(), null, null, null, null);
    }

    public static PairFilter ofImport(long importId) {
        return new PairFilter(null, null, null, importId, null, null, null);
    }

    public PairFilter withTask(@Nullable PairTask value) {
        return new PairFilter(value, source, runId, importId, campaignId, labelled, labelledPairId);
    }

    public PairFilter withSource(@Nullable PairSource value) {
        return new PairFilter(task, value, runId, importId, campaignId, labelled, labelledPairId);
    }

    public PairFilter withRun(@Nullable Long value) {
        return new PairFilter(task, source, value, importId, campaignId, labelled, labelledPairId);
    }

    public PairFilter withCampaign(@Nullable Long value) {
        return new PairFilter(task, source, runId, importId, value, labelled, labelledPairId);
    }

    public PairFilter withLabelled(@Nullable Boolean value) {
        return new PairFilter(task, source, runId, importId, campaignId, value, labelledPairId);
    }
}
